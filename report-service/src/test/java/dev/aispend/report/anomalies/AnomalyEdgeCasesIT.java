package dev.aispend.report.anomalies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.report.gamification.GamificationLedger;
import dev.aispend.report.gamification.PayloadSums;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportPrivacy;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.gamification.GamificationLedger.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The anomalies report's edge cases against real PostgreSQL and Kafka: October 2026 spend of three teams, anomaly
 * flags dated at their windows' ends (in the month, at its very end, outside it), two rules flagging one person's
 * week, and reviewers' clearings shaped as policy-service's FlagClearances records them. Figures are worked out by
 * hand below; all spend is also summed straight from the payloads.
 */
@MicronautTest(transactional = false)
class AnomalyEdgeCasesIT extends ReportSystemTest {
    private static final Instant MID = Instant.parse("2026-10-10T12:00:00Z");
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ReportReads reads;
    @Inject
    Cubes cubes;
    private final TestLedger ledger = system.ledger();
    private final List<LedgerPayload> published = new ArrayList<>();
    private long beforeClearing;
    private JsonNode servedThen;

    @BeforeAll
    void publishOctober() throws IOException {
        List<LedgerPayload> payloads = new ArrayList<>();
        // platform: 6 people at $10 (+$50 in November), web: 5 at $4, research: 2 at $5. October: $90.
        Map.of("platform", new long[] {6, 10}, "web", new long[] {5, 4}, "research", new long[] {2, 5})
                .forEach((team, people) -> {
                    for (int index = 1; index <= people[0]; index++) {
                        payloads.add(GamificationLedger.spend("s-" + team + index, "prs_" + team + index, team, MID,
                                people[1] * 1_000_000));
                    }
                });
        payloads.add(GamificationLedger.spend("s-nov", "prs_platform1", "platform",
                Instant.parse("2026-11-03T10:00:00Z"), 50_000_000));
        PolicyDecisionRecorded weekNoOutcome = flag("anomaly-spend-without-outcomes", "SPEND_WITHOUT_OUTCOMES",
                "Spend without outcomes", "prs_platform1", "platform", "2026-W41", 10_000_000, at("2026-10-12"));
        PolicyDecisionRecorded weekLoops = flag("anomaly-overnight-loops", "OVERNIGHT_IDLE_LOOP", "Overnight loops",
                "prs_platform1", "platform", "2026-W41", 10_000_000, at("2026-10-12"));
        PolicyDecisionRecorded month = flag("anomaly-tokens-per-pr", "TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN",
                "Tokens per PR", "prs_platform2", "platform", "2026-10", 10_000_000, at("2026-11-01"));
        payloads.addAll(List.of(weekNoOutcome, weekLoops, month,
                flag("anomaly-spend-without-outcomes", "SPEND_WITHOUT_OUTCOMES", "Spend without outcomes",
                        "prs_web1", "web", "2026-W42", 4_000_000, at("2026-10-19")),
                flag("anomaly-prompt-inflation", "PROMPT_INFLATION", "Prompt inflation", "prs_research1", "research",
                        "2026-W43", 5_000_000, at("2026-10-26")),
                flag("anomaly-spend-without-outcomes", "SPEND_WITHOUT_OUTCOMES", "Spend without outcomes",
                        "prs_platform3", "platform", "2026-W40", 8_000_000, at("2026-10-05")),
                flag("anomaly-spend-without-outcomes", "SPEND_WITHOUT_OUTCOMES", "Spend without outcomes",
                        "prs_platform4", "platform", "2026-W44", 7_000_000, at("2026-11-02")),
                flag("anomaly-spend-without-outcomes", "SPEND_WITHOUT_OUTCOMES", "Spend without outcomes",
                        "prs_platform5", "platform", "2026-W39", 6_000_000, at("2026-09-28"))));
        publish(payloads);
        long loopsPosition = published.indexOf(weekLoops) + 1;
        publish(List.of(GamificationLedger.clearing(weekLoops, loopsPosition, "lead@example", "a batch job",
                Instant.parse("2026-11-05T09:00:00Z"))));
        beforeClearing = ledger.position();
        servedThen = report(OCTOBER);
        publish(List.of(GamificationLedger.clearing(month, published.indexOf(month) + 1, "reviewer@example",
                "release crunch", Instant.parse("2026-11-06T09:00:00Z"))));
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }

    private void publish(List<LedgerPayload> payloads) {
        published.addAll(payloads);
        system.appendAndAwait(payloads);
    }

    private JsonNode report(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/anomalies?" + query);
    }

    @Test
    void totals_the_flagged_spend_open_and_cleared_and_its_share_of_all_spend() throws IOException {
        JsonNode totals = report(OCTOBER).get("totals");

        // Six flags dated in October (W40 ends 5 October, the month 1 November 00:00; not W39, not W44). Open:
        // platform1's W41 (two rules, one cleared: $10 once), web1 $4, research1 $5, platform3 $8 = $27.
        // Cleared: platform2's month, $10. All spend in October: $90.
        assertThat(totals.get("spendUsdMicros").asLong()).isEqualTo(90_000_000)
                .isEqualTo(PayloadSums.spend(published, FIRST, LAST, null));
        assertThat(part(totals.get("open"))).isEqualTo("4 flags, 4 windows, 27000000, 0.3000");
        assertThat(part(totals.get("cleared"))).isEqualTo("2 flags, 1 windows, 10000000, 0.1111");
        assertThat(part(totals.get("flagged"))).isEqualTo("6 flags, 5 windows, 37000000, 0.4111");
        assertThat(http.toBlocking().retrieve("/v1/reports/anomalies?" + OCTOBER))
                .contains("\"shareOfSpend\":0.3000", "\"shareOfSpend\":0.4111");
        FlagBook.Totals reused = reads.read(AsOf.LATEST, snapshot -> FlaggedSpend.between(snapshot, FIRST, LAST));
        assertThat(reused.open().spendUsdMicros()).isEqualTo(27_000_000);
        assertThat(reused.cleared().spendUsdMicros()).isEqualTo(10_000_000);
    }

    @Test
    void lists_each_flag_with_its_clearing_and_filters_by_status_and_team() throws IOException {
        JsonNode flags = report(OCTOBER).get("flags");

        assertThat(flags).hasSize(6);
        JsonNode month = flags.get(2);
        assertThat(month.get("decisionId").asText())
                .isEqualTo("ANOMALY_FLAGGED:anomaly-tokens-per-pr:prs_platform2:2026-10");
        assertThat(month.get("status").asText()).isEqualTo("cleared");
        assertThat(month.at("/clearing/clearedBy").asText()).isEqualTo("reviewer@example");
        assertThat(month.at("/clearing/reason").asText()).isEqualTo("release crunch");
        assertThat(month.get("flaggedSpendUsdMicros").asLong()).isEqualTo(10_000_000);
        assertThat(report(OCTOBER + "&status=cleared").get("flags").findValuesAsText("personRef"))
                .containsExactly("prs_platform1", "prs_platform2");
        assertThat(report(OCTOBER + "&status=open").get("flags")).hasSize(4);
        JsonNode web = report(OCTOBER + "&team=web");
        assertThat(web.get("flags").findValuesAsText("personRef")).containsExactly("prs_web1");
        assertThat(web.at("/totals/spendUsdMicros").asLong()).isEqualTo(PayloadSums.spend(published, FIRST, LAST,
                "web"));
        assertThat(web.at("/totals/open/shareOfSpend").decimalValue()).isEqualByComparingTo("0.2");
    }

    @Test
    void answers_as_of_before_a_clearing_what_it_served_then_the_flag_open() throws IOException {
        JsonNode then = report(OCTOBER + "&asOf=" + beforeClearing);

        assertThat(ReportAnswers.withoutApplied(then)).isEqualTo(ReportAnswers.withoutApplied(servedThen));
        assertThat(then.at("/flags/2/status").asText()).isEqualTo("open");
        assertThat(part(then.at("/totals/open"))).isEqualTo("5 flags, 5 windows, 37000000, 0.4111");
    }

    @Test
    void groups_by_team_and_hides_small_teams_from_a_caller_who_may_not_see_people() throws IOException {
        JsonNode platform = report(OCTOBER).at("/byTeam/0");
        // platform: open W40 and W41 ($18), cleared the month ($10), of its $60.
        assertThat(platform.get("team").asText()).isEqualTo("platform");
        assertThat(part(platform.get("open"))).isEqualTo("2 flags, 2 windows, 18000000, 0.3000");
        assertThat(part(platform.get("cleared"))).isEqualTo("2 flags, 1 windows, 10000000, 0.1667");

        AnomalyReport hidden = reads.read(AsOf.LATEST, snapshot -> new AnomalyReports(
                ReportPrivacy.forCaller(false, 5), cubes)
                .build(snapshot, new AnomalyQuery(new ReportDays(FIRST, LAST), null, null, null)));
        // research has 2 people; web (5) is hidden with it, so their sum cannot be taken from the totals.
        assertThat(hidden.flags()).isNull();
        assertThat(hidden.byTeam()).extracting(AnomalyReport.TeamRow::team, AnomalyReport.TeamRow::suppressed)
                .containsExactly(tuple("platform", false),
                        tuple("research", true),
                        tuple("web", true));
        assertThat(hidden.byTeam().get(1).open()).isNull();
        assertThat(hidden.suppression().hiddenTeams()).isEqualTo(2);
        assertThat(hidden.totals().flagged().spendUsdMicros()).isEqualTo(37_000_000);
    }

    @Test
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        JsonNode json = report(OCTOBER);
        List<Map<String, String>> flags = ReportAnswers.csv(http, "/v1/reports/anomalies?" + OCTOBER
                + "&format=csv");
        List<Map<String, String>> totals = ReportAnswers.csv(http, "/v1/reports/anomalies?" + OCTOBER
                + "&format=csv&view=totals");
        List<Map<String, String>> teams = ReportAnswers.csv(http, "/v1/reports/anomalies?" + OCTOBER
                + "&format=csv&view=teams");

        List<String> flagIds = new ArrayList<>();
        json.get("flags").forEach(flag -> flagIds.add(flag.get("decisionId").asText()));
        assertThat(flags).extracting(row -> row.get("decisionId")).containsExactlyElementsOf(flagIds);
        assertThat(flags).extracting(row -> row.get("status")).containsExactly("open", "cleared", "cleared", "open",
                "open", "open");
        assertThat(flags.get(1).get("clearedBy")).isEqualTo("lead@example");
        assertThat(totals).extracting(row -> row.get("status")).containsExactly("open", "cleared", "flagged");
        assertThat(Long.parseLong(totals.get(2).get("flaggedSpendUsdMicros"))).isEqualTo(37_000_000);
        assertThat(new BigDecimal(totals.get(0).get("shareOfSpend")))
                .isEqualByComparingTo(json.at("/totals/open/shareOfSpend").decimalValue());
        assertThat(teams).extracting(row -> row.get("team")).containsExactly("platform", "research", "web");
        assertThat(Long.parseLong(teams.get(0).get("openSpendUsdMicros"))).isEqualTo(18_000_000);
    }

    @Test
    void refuses_bad_parameters_naming_each() {
        String query = "from=2026-10-02&to=2026-10-01&status=closed&view=rows&team=" + "t".repeat(201);
        assertThatThrownBy(() -> report(query))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"from\"", "\"status\"", "\"view\"", "\"team\"");
                });
    }

    private static String part(JsonNode part) {
        return part.get("flags").asLong() + " flags, " + part.get("windows").asLong() + " windows, "
                + part.get("spendUsdMicros").asLong() + ", "
                + part.get("shareOfSpend").decimalValue().setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }
}
