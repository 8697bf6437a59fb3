package dev.aispend.demo;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {
    private static final Instant END = Instant.parse("2026-11-24T13:00:00Z");
    private static final DemoMonth MONTH = DemoGenerator.generate(DemoSpec.month(DemoSpec.DEFAULT_SEED, END));

    @Test
    void the_same_seed_and_end_give_the_same_month_byte_for_byte() {
        DemoPlan again = DemoPlan.of(DemoGenerator.generate(DemoSpec.month(DemoSpec.DEFAULT_SEED, END)));
        DemoPlan first = DemoPlan.of(MONTH);
        assertThat(again.month()).isEqualTo(MONTH);
        assertThat(bodies(again)).isEqualTo(bodies(first));
    }

    @Test
    void another_seed_gives_another_month() {
        DemoMonth other = DemoGenerator.generate(DemoSpec.month(7L, END));
        assertThat(other.uses()).isNotEqualTo(MONTH.uses());
        assertThat(other.people().stream().map(Person::email).toList())
                .isNotEqualTo(MONTH.people().stream().map(Person::email).toList());
    }

    @Test
    void about_ten_teams_and_a_hundred_people_with_tens_of_thousands_of_usage_records_inside_the_period() {
        assertThat(MONTH.teams()).hasSize(10);
        assertThat(MONTH.people()).hasSize(100);
        assertThat(MONTH.people().stream().map(Person::email)).allMatch(email -> email.endsWith("@example.com"));
        assertThat(MONTH.spendRecords()).isBetween(10_000L, 40_000L);
        assertThat(MONTH.uses()).allMatch(use -> !use.end().isBefore(END.minusSeconds(30 * 86_400L))
                && use.end().isBefore(END));
        assertThat(MONTH.uses().stream().map(use -> use.person().team().name()).distinct()).hasSize(10);
    }

    @Test
    void the_top_tenth_of_people_hold_well_over_a_third_of_the_spend() {
        Map<Person, Long> spend = MONTH.uses().stream().collect(Collectors.groupingBy(Use::person,
                Collectors.summingLong(Prices::cost)));
        List<Long> ranked = spend.values().stream().sorted(Comparator.reverseOrder()).toList();
        long top = ranked.stream().limit((ranked.size() + 9) / 10).mapToLong(Long::longValue).sum();
        assertThat(top * 100 / MONTH.costUsdMicros()).isGreaterThan(40);
    }

    @Test
    void several_models_of_three_providers_with_cache_reads_and_writes_and_reasoning() {
        assertThat(MONTH.uses().stream().map(Use::model).distinct()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(MONTH.uses().stream().map(Use::provider).distinct())
                .containsExactlyInAnyOrder("anthropic", "openai", "google");
        assertThat(MONTH.uses().stream().mapToLong(use -> use.tokens().cacheRead()).sum()).isPositive();
        assertThat(MONTH.uses().stream().mapToLong(use -> use.tokens().cacheWrite5m()).sum()).isPositive();
        assertThat(MONTH.uses().stream().mapToLong(use -> use.tokens().cacheWrite1h()).sum()).isPositive();
        assertThat(MONTH.uses().stream().mapToLong(use -> use.tokens().reasoning()).sum()).isPositive();
        assertThat(MONTH.uses().stream().map(Use::purpose).distinct()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void merged_pull_requests_at_plausible_ratios_most_of_them_ai_assisted() {
        List<MergedPullRequest> merged = MONTH.pullRequests();
        assertThat(merged.size()).isBetween(300, 1500);
        long assisted = merged.stream().filter(MergedPullRequest::aiAssisted).count();
        assertThat(assisted * 100 / merged.size()).isBetween(50L, 90L);
        assertThat(merged.stream().map(MergedPullRequest::deliveryId).distinct()).hasSize(merged.size());
        assertThat(merged).allMatch(pr -> pr.mergedAt().isBefore(END));
    }

    @Test
    void the_over_budget_team_spends_more_this_month_than_its_budget_at_the_rate_card_prices() {
        BudgetPlan over = MONTH.overBudget();
        YearMonth month = YearMonth.from(END.atZone(ZoneOffset.UTC));
        long spent = MONTH.uses().stream().filter(use -> use.person().team().name().equals(over.team()))
                .filter(use -> YearMonth.from(use.end().atZone(ZoneOffset.UTC)).equals(month))
                .mapToLong(Prices::cost).sum();
        assertThat(spent).isGreaterThan(over.amountUsdMicros());
        assertThat(over.hardCap()).isTrue();
        assertThat(MONTH.budgets()).hasSize(11).filteredOn(BudgetPlan::overBudget).hasSize(1);
    }

    @Test
    void the_organization_wide_budget_stands_above_the_months_forecast_without_a_cap() {
        BudgetPlan organization = MONTH.organizationBudget();
        YearMonth month = YearMonth.from(END.atZone(ZoneOffset.UTC));
        long spent = MONTH.uses().stream().filter(use -> YearMonth.from(use.end().atZone(ZoneOffset.UTC))
                .equals(month)).mapToLong(Prices::cost).sum();
        long elapsedMillis = END.toEpochMilli() - month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        long monthMillis = month.lengthOfMonth() * 86_400_000L;
        // The CFO page's forecast (linear: spent x month / elapsed) stays below it, with room.
        assertThat(BigInteger.valueOf(spent).multiply(BigInteger.valueOf(monthMillis)).multiply(BigInteger.TEN))
                .isLessThan(BigInteger.valueOf(organization.amountUsdMicros()).multiply(BigInteger.valueOf(
                        elapsedMillis)).multiply(BigInteger.valueOf(9)));
        assertThat(organization.organizationWide()).isTrue();
        assertThat(organization.hardCap()).isFalse();
        assertThat(organization.overBudget()).isFalse();
        assertThat(MONTH.budgets().stream().filter(BudgetPlan::organizationWide)).hasSize(1);
        assertThat(new String(PolicyJson.budget(organization), StandardCharsets.UTF_8)).contains("\"scope\":{}");
    }

    @Test
    void the_two_gamers_and_nobody_else_do_what_the_default_anomaly_rules_flag() {
        Map<String, Set<String>> flagged = DefaultRules.flagged(MONTH);
        String overnight = gamer(Behaviour.OVERNIGHT_LOOP);
        String inflation = gamer(Behaviour.PROMPT_INFLATION);
        assertThat(flagged.get("OVERNIGHT_IDLE_LOOP")).containsExactly(overnight);
        assertThat(flagged.get("PROMPT_INFLATION")).containsExactly(inflation);
        assertThat(DefaultRules.anyRule(flagged)).containsExactlyInAnyOrder(overnight, inflation);
    }

    @Test
    void a_smaller_month_of_the_same_generator_keeps_the_gamers_and_the_budget_story() {
        DemoMonth small = DemoGenerator.generate(new DemoSpec(DemoSpec.DEFAULT_SEED, END, 21, 60));
        assertThat(small.people()).hasSize(60);
        assertThat(small.gamers()).hasSize(2);
        assertThat(small.budgets()).hasSize(11);
        assertThat(small.organizationBudget().amountUsdMicros()).isGreaterThan(small.overBudget().amountUsdMicros());
        assertThat(DefaultRules.anyRule(DefaultRules.flagged(small)))
                .containsExactlyInAnyOrderElementsOf(small.gamers().stream().map(Person::email).toList());
    }

    @Test
    void the_outcome_switch_falls_on_a_chunk_boundary_inside_the_period() {
        DemoPlan plan = DemoPlan.of(MONTH);
        assertThat(plan.chunks().get(plan.phaseBeforeChunk()).from()).isEqualTo(MONTH.phase().from());
        assertThat(plan.spendRecords()).isEqualTo(MONTH.spendRecords());
        assertThat(plan.mergedPullRequests()).isEqualTo(MONTH.pullRequests().size());
    }

    private static String gamer(Behaviour behaviour) {
        return MONTH.people().stream().filter(person -> person.behaviour() == behaviour).map(Person::email)
                .findFirst().orElseThrow();
    }

    @Test
    void every_chunks_spend_records_are_the_sum_of_its_deliveries_spend_records() {
        DemoPlan plan = DemoPlan.of(MONTH);
        for (Chunk chunk : plan.chunks()) {
            assertThat(chunk.deliveries().stream().mapToLong(Delivery::spendRecords).sum())
                    .as("chunk from %s", chunk.from()).isEqualTo(chunk.spendRecords());
        }
        assertThat(plan.setup()).allSatisfy(delivery -> assertThat(delivery.spendRecords()).isZero());
        assertThat(plan.spendRecords()).isEqualTo(MONTH.spendRecords());
    }

    private static List<String> bodies(DemoPlan plan) {
        return plan.chunks().stream().flatMap(chunk -> chunk.deliveries().stream())
                .map(delivery -> delivery.name() + Arrays.hashCode(delivery.body())).toList();
    }
}
