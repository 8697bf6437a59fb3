package dev.aispend.report.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.efficiency.LedgerPayloads.day;
import static dev.aispend.report.efficiency.LedgerPayloads.mergedPr;
import static dev.aispend.report.efficiency.LedgerPayloads.october;
import static dev.aispend.report.efficiency.LedgerPayloads.outcome;
import static dev.aispend.report.efficiency.LedgerPayloads.spend;
import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The efficiency report against real PostgreSQL and Kafka over a hand-made October 2026: ten people with spend in
 * two teams (one of them spending for both), one with merged PRs and no spend, a commit and an evidence PR that
 * count for nothing, a November. Figures checked by hand for October and by a plain second computation over the
 * published payloads (ExpectedEfficiency) for the rest; as-of and CSV answers equal to the JSON. EfficiencyReportIT
 * does the same over the fixture's realistic month.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EfficiencyHandWorkedIT extends ReportSystemTest {
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

    @Inject
    @Client("/")
    HttpClient http;
    private final TestLedger ledger = system.ledger();
    private final List<LedgerPayload> published = new ArrayList<>();
    private JsonNode servedAfterFirstBatch;
    private long firstBatch;

    @Test
    @Order(1)
    void matches_a_plain_computation_over_the_first_batch() throws IOException {
        publish(List.<LedgerPayload>of(
                spend("s-p1", "prs_p1", "platform", october(2), 10_000, 1_000_000),
                spend("s-p2a", "prs_p2", "platform", october(5), 10_000, 1_000_000),
                spend("s-p2b", "prs_p2", "platform", october(20), 10_000, 1_000_000),
                spend("s-p3", "prs_p3", "platform", october(7), 30_000, 3_000_000),
                spend("s-p4", "prs_p4", "platform", october(9), 40_000, 4_000_000),
                spend("s-p5", "prs_p5", "platform", october(13), 50_000, 5_000_000),
                spend("s-p6a", "prs_p6", "platform", october(6), 20_000, 2_000_000),
                spend("s-p6b", "prs_p6", "research", october(22), 40_000, 4_000_000),
                spend("s-r1", "prs_r1", "research", october(1), 70_000, 7_000_000),
                spend("s-r2", "prs_r2", "research", october(14), 80_000, 8_000_000),
                spend("s-r3", "prs_r3", "research", october(28), 90_000, 9_000_000),
                mergedPr("pr-p1", "prs_p1", "platform", october(3)),
                outcome("commit-p1", "commit", "prs_p1", "platform", october(3), null),
                mergedPr("pr-p2a", "prs_p2", "platform", october(8)),
                mergedPr("pr-p2b", "prs_p2", "platform", october(21)),
                mergedPr("pr-p3", "prs_p3", "platform", october(10)),
                mergedPr("pr-p4a", "prs_p4", "platform", october(12)),
                mergedPr("pr-p4b", "prs_p4", "platform", october(15)),
                mergedPr("pr-p4c", "prs_p4", "platform", october(16)),
                mergedPr("pr-p5a", "prs_p5", "platform", october(19)),
                mergedPr("pr-p5b", "prs_p5", "platform", october(26)),
                mergedPr("pr-p6a", "prs_p6", "platform", october(7)),
                mergedPr("pr-p6b", "prs_p6", "research", october(23)),
                mergedPr("pr-r2a", "prs_r2", "research", october(15)),
                mergedPr("pr-r2b", "prs_r2", "research", october(16)),
                mergedPr("pr-r2c", "prs_r2", "research", october(17)),
                mergedPr("pr-r3", "prs_r3", "research", october(29)),
                mergedPr("pr-r5a", "prs_r5", "research", october(12)),
                mergedPr("pr-r5b", "prs_r5", "research", october(13))));
        firstBatch = ledger.position();

        servedAfterFirstBatch = efficiency(OCTOBER);

        assertThat(servedAfterFirstBatch.at("/asOf/ledgerPosition").asLong()).isEqualTo(firstBatch);
        assertThat(servedAfterFirstBatch.get("periods")).hasSize(1);
        EfficiencyAssertions.assertPeriod(servedAfterFirstBatch.at("/periods/0"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null));
    }

    @Test
    @Order(2)
    void shows_the_top_decile_burning_18_times_the_tokens_per_pr_of_the_median_tier_for_the_same_output()
            throws IOException {
        publish(List.<LedgerPayload>of(
                spend("s-r4", "prs_r4", "research", october(29), 1_000_000, 20_000_000),
                mergedPr("pr-r4a", "prs_r4", "research", october(30)),
                mergedPr("pr-r4b", "prs_r4", "research", october(31)),
                outcome("pr-r4a-evidence", "pull_request_merged", "prs_r4", "research", october(30),
                        UsageAccounting.EVIDENCE),
                spend("s-r4-nov", "prs_r4", "research", day(LocalDate.of(2026, 11, 3)), 5_000, 1_000_000),
                mergedPr("pr-p1-nov", "prs_p1", "platform", day(LocalDate.of(2026, 11, 4)))));

        JsonNode october = efficiency(OCTOBER).at("/periods/0");

        // Worked by hand: ranked by spend p1 1M, p2 2M, p3 3M, p4 4M, p5 5M, p6 6M, r1 7M, r2 8M, r3 9M, r4 20M.
        EfficiencyAssertions.assertTier(october, "Q1", 2, 3_000_000, 30_000, 3, 1_000_000L, 10_000L, "1.50");
        EfficiencyAssertions.assertTier(october, "Q2", 2, 7_000_000, 70_000, 4, 1_750_000L, 17_500L, "2.00");
        EfficiencyAssertions.assertTier(october, "Q3", 2, 11_000_000, 110_000, 4, 2_750_000L, 27_500L, "2.00");
        EfficiencyAssertions.assertTier(october, "Q4", 2, 15_000_000, 150_000, 3, 5_000_000L, 50_000L, "1.50");
        EfficiencyAssertions.assertTier(october, "Q5", 2, 29_000_000, 1_090_000, 3, 9_666_667L, 363_333L, "1.50");
        EfficiencyAssertions.assertTier(october, "D10", 1, 20_000_000, 1_000_000, 2, 10_000_000L, 500_000L, "2.00");
        // 500,000 / 27,500 = 18.18; 2 / 2 = 1; 10,000,000 / 2,750,000 = 3.636
        assertThat(october.at("/tiers/topDecileVsMedian/tokensPerMergedPr").asText()).isEqualTo("18.18");
        assertThat(october.at("/tiers/topDecileVsMedian/mergedPrsPerPerson").asText()).isEqualTo("1.00");
        assertThat(october.at("/tiers/topDecileVsMedian/costPerMergedPr").asText()).isEqualTo("3.64");
        assertThat(october.at("/tiers/rankedPeople").asLong()).isEqualTo(10);
        assertThat(october.at("/tiers/mergedPrsWithoutSpend/people").asLong()).isEqualTo(1);
        assertThat(october.at("/tiers/mergedPrsWithoutSpend/mergedPrs").asLong()).isEqualTo(2);
        EfficiencyAssertions.assertTeam(october, "platform", 6, 10, 17_000_000, 170_000, 1_700_000L, 17_000L);
        EfficiencyAssertions.assertTeam(october, "research", 6, 9, 48_000_000, 1_280_000, 5_333_333L, 142_222L);
        assertThat(october.at("/total/people").asLong()).isEqualTo(11);
        assertThat(october.at("/total/figures/costPerMergedPrUsdMicros").asLong()).isEqualTo(3_421_053);
        assertThat(october.at("/total/figures/tokensPerMergedPr").asLong()).isEqualTo(76_316);

        JsonNode twoMonths = efficiency("from=2026-10-01&to=2026-11-30");
        assertThat(twoMonths.get("periods")).hasSize(2);
        EfficiencyAssertions.assertPeriod(twoMonths.at("/periods/0"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null));
        JsonNode november = twoMonths.at("/periods/1");
        EfficiencyAssertions.assertPeriod(november, ExpectedEfficiency.of(lines(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), null));
        assertThat(november.at("/tiers/mergedPrsWithoutSpend/mergedPrs").asLong()).isEqualTo(1);
        assertThat(november.at("/teams/1/figures").has("costPerMergedPrUsdMicros")).isFalse();
    }

    @Test
    @Order(3)
    void answers_as_of_the_first_batch_what_it_served_then() throws IOException {
        JsonNode asOf = efficiency(OCTOBER + "&asOf=" + firstBatch);

        assertThat(withoutApplied(asOf)).isEqualTo(withoutApplied(servedAfterFirstBatch));
        assertThat(asOf.at("/asOf/appliedPosition").asLong()).isEqualTo(ledger.position());
    }

    @Test
    @Order(4)
    void restricts_to_a_team_and_ranks_per_iso_week_like_the_plain_computation() throws IOException {
        JsonNode research = efficiency(OCTOBER + "&team=research");
        assertThat(research.at("/filters/team").asText()).isEqualTo("research");
        EfficiencyAssertions.assertPeriod(research.at("/periods/0"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "research"));

        JsonNode weeks = efficiency("from=2026-10-01&to=2026-10-18&period=week");
        assertThat(weeks.get("period").asText()).isEqualTo("week");
        assertThat(weeks.get("periods").findValuesAsText("period"))
                .containsExactly("2026-09-28", "2026-10-05", "2026-10-12");
        assertThat(weeks.at("/periods/0/from").asText()).isEqualTo("2026-10-01");
        EfficiencyAssertions.assertPeriod(weeks.at("/periods/0"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4), null));
        EfficiencyAssertions.assertPeriod(weeks.at("/periods/1"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 11), null));
        EfficiencyAssertions.assertPeriod(weeks.at("/periods/2"), ExpectedEfficiency.of(lines(),
                LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 18), null));
    }

    @Test
    @Order(5)
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/efficiency?" + OCTOBER)
                .accept("text/csv"));
        JsonNode json = efficiency(OCTOBER).at("/periods/0");

        List<Map<String, String>> read = ReportAnswers.csv(csv);
        // total, 2 teams, 6 tiers, withoutSpend, topDecileVsMedian
        assertThat(read).hasSize(11);
        EfficiencyAssertions.assertCsvMatches(read, json);
    }

    @Test
    @Order(6)
    void refuses_bad_parameters_naming_each() {
        assertThatThrownBy(() -> efficiency("from=2026-10-31&to=2026-10-01&period=day&groupBy=team&personRef=x"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"from\"", "\"period\"", "\"groupBy\"", "\"personRef\"");
                });
        assertThatThrownBy(() -> efficiency(OCTOBER + "&asOf=999999"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(409));
    }

    private void publish(List<LedgerPayload> payloads) {
        system.appendAndAwait(payloads);
        published.addAll(payloads);
    }

    private List<LedgerLines> lines() {
        return LedgerLines.of(published, ledger.position());
    }

    private JsonNode efficiency(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/efficiency?" + query);
    }
}
