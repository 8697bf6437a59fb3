package dev.aispend.report.efficiency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.report.fixture.ExpectedFigures;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The efficiency report over the fixture's realistic month (ReportMonth: October 2026 with the second half of
 * September), published in two halves: every period, team and tier equal to a plain second computation over the
 * payloads with the fixture's attribution rules (a late link, a move linked after the mover's spend, re-pricings,
 * counted and evidence-only PRs), the answer as of the first half equal to what was served then, the heavy users as
 * the top decile, CSV read back with the same figures.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EfficiencyReportIT extends ReportSystemTest {
    private static final String MONTHS = "from=2026-09-01&to=2026-10-31";
    private static final LocalDate OCTOBER_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCTOBER_31 = LocalDate.of(2026, 10, 31);

    @Inject
    @Client("/")
    HttpClient http;
    private final List<LedgerPayload> payloads = ReportMonth.payloads();
    private final long firstHalf = ReportMonth.positionAfterFirstHalf();
    private final long last = ReportMonth.envelopes().size();
    private JsonNode servedAtFirstHalf;

    @Test
    @Order(1)
    void matches_the_plain_computation_at_mid_month() throws IOException {
        system.publishMonthThrough(firstHalf);

        servedAtFirstHalf = efficiency(MONTHS);

        assertThat(servedAtFirstHalf.at("/asOf/ledgerPosition").asLong()).isEqualTo(firstHalf);
        assertMonths(servedAtFirstHalf, firstHalf);
    }

    @Test
    @Order(2)
    void matches_the_plain_computation_over_the_whole_month_with_the_heavy_users_as_the_top_decile()
            throws IOException {
        system.publishMonthAfter(firstHalf);

        JsonNode report = efficiency(MONTHS);

        assertThat(report.at("/asOf/ledgerPosition").asLong()).isEqualTo(last);
        assertMonths(report, last);
        JsonNode october = report.at("/periods/1");
        Map<String, Long> spendByPerson = new ExpectedFigures(payloads).spendUsdMicrosByPerson(OCTOBER_1,
                OCTOBER_31, last);
        long ranked = spendByPerson.values().stream().filter(spend -> spend > 0).count();
        assertThat(october.at("/tiers/rankedPeople").asLong()).isEqualTo(ranked);
        // ceil(n/10) = 2 of the 14 who spent in October: the two heavy users.
        assertThat(october.at("/tiers/tiers/5/tier").asText()).isEqualTo("D10");
        assertThat(october.at("/tiers/tiers/5/people").asLong()).isEqualTo(2);
        assertThat(october.at("/tiers/tiers/5/figures/spendUsdMicros").asLong()).isEqualTo(
                spendByPerson.get(ReportMonth.HEAVY_PLATFORM) + spendByPerson.get(ReportMonth.HEAVY_DATA));
        assertThat(report.toString()).doesNotContain("prs_", "als_");
    }

    @Test
    @Order(3)
    void answers_as_of_mid_month_what_it_served_then() throws IOException {
        JsonNode asOf = efficiency(MONTHS + "&asOf=" + firstHalf);

        assertThat(withoutApplied(asOf)).isEqualTo(withoutApplied(servedAtFirstHalf));
        assertThat(asOf.at("/asOf/appliedPosition").asLong()).isEqualTo(last);
    }

    @Test
    @Order(4)
    void matches_the_plain_computation_per_team_and_per_iso_week() throws IOException {
        List<LedgerLines> lines = LedgerLines.of(payloads, last);
        for (String team : List.of(ReportMonth.PLATFORM, ReportMonth.DATA, ReportMonth.WEB)) {
            JsonNode report = efficiency("from=2026-10-01&to=2026-10-31&team=" + team);
            EfficiencyAssertions.assertPeriod(report.at("/periods/0"), ExpectedEfficiency.of(lines, OCTOBER_1,
                    OCTOBER_31, team));
        }
        JsonNode weeks = efficiency("from=2026-10-01&to=2026-10-31&period=week");
        assertThat(weeks.get("periods")).hasSize(5);
        for (JsonNode week : weeks.get("periods")) {
            EfficiencyAssertions.assertPeriod(week, ExpectedEfficiency.of(lines, LocalDate.parse(week.get("from")
                    .asText()), LocalDate.parse(week.get("to").asText()), null));
        }
        assertThat(weeks.at("/periods/0/from").asText()).isEqualTo("2026-10-01");
        assertThat(weeks.at("/periods/4/to").asText()).isEqualTo("2026-10-31");
    }

    @Test
    @Order(5)
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/efficiency?from=2026-10-01"
                + "&to=2026-10-31&format=csv"));
        JsonNode october = efficiency("from=2026-10-01&to=2026-10-31").at("/periods/0");

        List<Map<String, String>> read = ReportAnswers.csv(csv);
        // total, a row per team, six tiers, withoutSpend, topDecileVsMedian
        assertThat(read).hasSize(1 + october.get("teams").size() + 6 + 2);
        EfficiencyAssertions.assertCsvMatches(read, october);
    }

    private void assertMonths(JsonNode report, long asOf) {
        List<LedgerLines> lines = LedgerLines.of(payloads, asOf);
        assertThat(report.get("periods").findValuesAsText("period")).containsExactly("2026-09-01", "2026-10-01");
        EfficiencyAssertions.assertPeriod(report.at("/periods/0"), ExpectedEfficiency.of(lines,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null));
        EfficiencyAssertions.assertPeriod(report.at("/periods/1"), ExpectedEfficiency.of(lines, OCTOBER_1,
                OCTOBER_31, null));
    }

    private JsonNode efficiency(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/efficiency?" + query);
    }
}
