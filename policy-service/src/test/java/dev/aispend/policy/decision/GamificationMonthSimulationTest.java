package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static dev.aispend.policy.decision.GamificationDecisions.ANOMALY_FLAGGED;
import static dev.aispend.policy.decision.GamificationDecisions.BADGE_AWARDED;
import static dev.aispend.policy.decision.GamificationDecisions.PHASE_CHANGED;
import static dev.aispend.policy.decision.GamificationLedger.badge;
import static dev.aispend.policy.decision.GamificationLedger.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded month of a team of ten ordinary developers and two gamers: one leaves an agent looping through the
 * night, one inflates every prompt; neither merges anything. The team adopts the tools and switches to OUTCOME on
 * its own after two weeks. Both gamers are flagged, nobody else is, no usage badge is awarded after the switch,
 * and the month evaluated again gives the same decisions.
 */
class GamificationMonthSimulationTest {
    private static final String TEAM = "web";
    private static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-10-05");
    private static final int DAYS = 29; // through Monday 2026-11-02, whose entries close October
    private static final Set<String> GAMERS = Set.of("night-looper", "prompt-inflater");

    private record Entry(Instant at, int order, Consumer<GamificationLedger> append) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 2026})
    void flags_both_gamers_and_nobody_else_and_stops_usage_badges_at_the_switch(long seed) {
        GamificationLedger ledger = new GamificationLedger();
        Instant start = FIRST_MONDAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        rules(ledger, start);
        List<String> developers = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            developers.add(String.format("dev-%02d", index));
        }
        developers.forEach(person -> ledger.link(person, TEAM, start));
        GAMERS.forEach(person -> ledger.link(person, TEAM, start));

        List<Entry> month = month(new Random(seed), developers);
        month.sort(Comparator.comparing(Entry::at).thenComparingInt(Entry::order));
        month.forEach(entry -> entry.append().accept(ledger));

        List<PolicyDecision> switches = ledger.decisions(PHASE_CHANGED);
        assertThat(switches).singleElement().satisfies(change -> {
            assertThat(change.subject()).isEqualTo("phase:" + TEAM);
            assertThat(change.evidence()).containsEntry("how", "AUTOMATIC");
        });
        long switchedAt = switches.get(0).triggerPosition();
        Set<String> flagged = new TreeSet<>();
        ledger.decisions(ANOMALY_FLAGGED).forEach(flag -> flagged.add(flag.subject().substring("person:".length())));
        assertThat(flagged).isEqualTo(new TreeSet<>(GAMERS));
        List<PolicyDecision> awards = ledger.decisions(BADGE_AWARDED);
        assertThat(awards).filteredOn(award -> "EXPLORATION".equals(award.evidence().get("phase")))
                .isNotEmpty().allSatisfy(award -> assertThat(award.triggerPosition()).isLessThan(switchedAt));
        assertThat(awards).filteredOn(award -> "OUTCOME".equals(award.evidence().get("phase")))
                .isNotEmpty().allSatisfy(award -> assertThat(award.triggerPosition()).isGreaterThan(switchedAt));
        assertThat(awards).noneMatch(award -> GAMERS.contains(award.subject().substring("person:".length()))
                && "OUTCOME".equals(award.evidence().get("phase")));

        GamificationEvaluator again = new GamificationEvaluator();
        assertThat(ledger.events().stream().flatMap(event -> again.apply(event).stream()).toList())
                .isEqualTo(ledger.decisions());
    }

    private static void rules(GamificationLedger ledger, Instant at) {
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "EXPLORATION",
                "automatic", Map.of("adoptionPercent", 80, "consecutiveWeeks", 2)), at);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-first-use", badge("First use", "EXPLORATION", "FIRST_USE",
                "ALL_TIME", Map.of("BRONZE", 1)), at);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-model-explorer", badge("Model explorer", "EXPLORATION",
                "DISTINCT_MODELS", "MONTH", Map.of("BRONZE", 2, "SILVER", 3)), at);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-ai-assisted-merges", badge("AI-assisted merges", "OUTCOME",
                "MERGED_AI_PRS", "MONTH", Map.of("BRONZE", 1, "SILVER", 5, "GOLD", 10)), at);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-tokens-per-pr", with(badge("Tokens per PR", "OUTCOME",
                "TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT", "MONTH", Map.of("BRONZE", 0, "SILVER", 25)),
                "minimumMergedPrs", 3), at);
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-spend-without-outcomes", Map.of("name",
                "Spend without outcomes", "rule", "SPEND_WITHOUT_OUTCOMES", "minimumSpendUsdMicros", 50_000_000), at);
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-tokens-per-pr", Map.of("name", "Tokens per PR",
                "rule", "TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN", "window", "MONTH", "multiplePercent", 500), at);
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-overnight-loops", Map.of("name", "Overnight loops",
                "rule", "OVERNIGHT_IDLE_LOOP"), at);
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-prompt-inflation", Map.of("name", "Prompt inflation",
                "rule", "PROMPT_INFLATION", "multiplePercent", 400), at);
    }

    /** Workdays 09:00-18:00 for everyone; PRs every two or three workdays; the gamers' nights and prompts. */
    private static List<Entry> month(Random random, List<String> developers) {
        List<Entry> entries = new ArrayList<>();
        String[] models = {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"};
        for (String developer : developers) {
            int nextMerge = 1 + random.nextInt(2);
            int modelsUsed = 1 + random.nextInt(3);
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST_MONDAY.plusDays(day);
                if (date.getDayOfWeek().getValue() > 5 || random.nextInt(10) == 0) {
                    continue;
                }
                int calls = 10 + random.nextInt(30);
                for (int call = 0; call < calls; call++) {
                    Instant at = date.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(9 * 3600));
                    long prompt = 2_000 + random.nextInt(4_000);
                    long output = 500 + random.nextInt(1_000);
                    String model = models[random.nextInt(modelsUsed)];
                    entries.add(new Entry(at, entries.size(), ledger -> ledger.call(developer, TEAM, model, at,
                            prompt, output, prompt / 2, prompt * 3 + output * 15)));
                }
                if (--nextMerge == 0) {
                    nextMerge = 2 + random.nextInt(2);
                    Instant at = date.atTime(17, 30).toInstant(ZoneOffset.UTC);
                    boolean assisted = random.nextInt(5) > 0;
                    entries.add(new Entry(at, entries.size(), ledger -> ledger.merged(developer, TEAM, at,
                            assisted)));
                }
            }
        }
        gamers(random, entries);
        return entries;
    }

    private static void gamers(Random random, List<Entry> entries) {
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST_MONDAY.plusDays(day);
            // The looper: a little daytime use, and an agent that runs from 22:00 to 05:00 every night.
            for (int hour = 22; hour < 29; hour++) {
                for (int call = 0; call < 10; call++) {
                    Instant at = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L
                            + random.nextInt(3600));
                    entries.add(new Entry(at, entries.size(), ledger -> ledger.call("night-looper", TEAM,
                            "claude-sonnet-4-5", at, 3_000, 800, 1_500, 3_000 * 3 + 800 * 15)));
                }
            }
            if (date.getDayOfWeek().getValue() > 5) {
                continue;
            }
            // The inflater: every prompt padded to about forty thousand tokens, on workdays.
            for (int call = 0; call < 30; call++) {
                Instant at = date.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(9 * 3600));
                long prompt = 38_000 + random.nextInt(4_000);
                entries.add(new Entry(at, entries.size(), ledger -> ledger.call("prompt-inflater", TEAM,
                        "claude-opus-4-1", at, prompt, 1_000, 0, prompt * 15 + 1_000 * 75)));
            }
        }
    }
}
