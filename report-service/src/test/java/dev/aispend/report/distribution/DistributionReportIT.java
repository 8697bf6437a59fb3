package dev.aispend.report.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.report.efficiency.LedgerLines;
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
 * The distribution report over the fixture's realistic month (ReportMonth), published in two halves: monthly
 * median, p90 and concentration and weekly adoption equal to a plain second computation over the payloads (the new
 * hire linked late, the mover linked after their spend, re-pricings), per team too; the answer as of the first half
 * equal to what was served then; CSV read back with the same figures.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionReportIT extends ReportSystemTest {
    private static final String MONTHS = "from=2026-09-01&to=2026-10-31";

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

        servedAtFirstHalf = distribution(MONTHS);

        assertMatchesPlainComputation(servedAtFirstHalf, null);
    }

    @Test
    @Order(2)
    void matches_the_plain_computation_over_the_whole_month_overall_and_per_team() throws IOException {
        system.publishMonthAfter(firstHalf);

        JsonNode report = distribution(MONTHS);

        assertThat(report.at("/asOf/ledgerPosition").asLong()).isEqualTo(last);
        assertThat(report.get("months").findValuesAsText("month")).containsExactly("2026-09-01", "2026-10-01");
        // Nine ISO weeks touch September and October: W36 (Monday 2026-08-31) to W44.
        assertThat(report.get("weeks").findValuesAsText("isoWeek")).hasSize(9).startsWith("2026-W36")
                .endsWith("2026-W44");
        assertMatchesPlainComputation(report, null);
        for (String team : List.of(ReportMonth.PLATFORM, ReportMonth.DATA, ReportMonth.WEB)) {
            assertMatchesPlainComputation(distribution(MONTHS + "&team=" + team), team);
        }
        assertThat(report.toString()).doesNotContain("prs_", "als_");
    }

    @Test
    @Order(3)
    void answers_as_of_mid_month_what_it_served_then() throws IOException {
        JsonNode asOf = distribution(MONTHS + "&asOf=" + firstHalf);

        assertThat(withoutApplied(asOf)).isEqualTo(withoutApplied(servedAtFirstHalf));
        assertThat(asOf.at("/asOf/appliedPosition").asLong()).isEqualTo(last);
    }

    @Test
    @Order(4)
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/distribution?" + MONTHS)
                .accept("text/csv"));
        JsonNode json = distribution(MONTHS);

        List<Map<String, String>> read = ReportAnswers.csv(csv);
        List<Map<String, String>> months = read.stream().filter(row -> "month".equals(row.get("row"))).toList();
        assertThat(months).hasSize(json.get("months").size());
        for (int index = 0; index < months.size(); index++) {
            JsonNode figures = json.at("/months/" + index + "/figures");
            assertThat(months.get(index).get("period")).isEqualTo(json.at("/months/" + index + "/month").asText());
            assertThat(Long.parseLong(months.get(index).get("medianUsdMicros")))
                    .isEqualTo(figures.get("medianUsdMicros").asLong());
            assertThat(Long.parseLong(months.get(index).get("p90UsdMicros")))
                    .isEqualTo(figures.get("p90UsdMicros").asLong());
            assertThat(months.get(index).get("top1PercentShare")).isEqualTo(figures.at("/top1Percent/share")
                    .asText());
            assertThat(months.get(index).get("top10PercentShare")).isEqualTo(figures.at("/top10Percent/share")
                    .asText());
        }
        for (JsonNode week : json.get("weeks")) {
            for (JsonNode team : week.get("teams")) {
                Map<String, String> row = read.stream().filter(candidate -> "teamWeek".equals(candidate
                        .get("row")) && week.get("isoWeek").asText().equals(candidate.get("isoWeek"))
                        && team.get("team").asText().equals(candidate.get("team"))).findFirst().orElseThrow();
                assertThat(Long.parseLong(row.get("people"))).isEqualTo(team.get("directoryPeople").asLong());
                assertThat(Long.parseLong(row.get("activeInDirectory")))
                        .isEqualTo(team.at("/adoption/activePeople").asLong());
                assertThat(row.get("adoption")).isEqualTo(team.at("/adoption/share").asText());
            }
        }
    }

    private void assertMatchesPlainComputation(JsonNode report, String team) {
        long asOf = report.at("/asOf/ledgerPosition").asLong();
        List<LedgerLines> lines = LedgerLines.of(payloads, asOf);
        for (JsonNode month : report.get("months")) {
            ExpectedDistribution.Month expected = ExpectedDistribution.month(lines,
                    LocalDate.parse(month.get("from").asText()), LocalDate.parse(month.get("to").asText()), team);
            assertThat(month.get("activePeople").asLong()).isEqualTo(expected.people());
            if (expected.people() == 0) {
                assertThat(month.has("figures")).isFalse();
                continue;
            }
            JsonNode figures = month.get("figures");
            assertThat(figures.get("spendUsdMicros").asLong()).isEqualTo(expected.spend());
            assertThat(figures.get("medianUsdMicros").asLong()).isEqualTo(expected.median());
            assertThat(figures.get("p90UsdMicros").asLong()).isEqualTo(expected.p90());
            assertThat(figures.at("/top1Percent/people").asLong()).isEqualTo(expected.top1People());
            assertThat(figures.at("/top1Percent/share").asText()).isEqualTo(expected.top1Share());
            assertThat(figures.at("/top10Percent/people").asLong()).isEqualTo(expected.top10People());
            assertThat(figures.at("/top10Percent/share").asText()).isEqualTo(expected.top10Share());
        }
        for (JsonNode week : report.get("weeks")) {
            ExpectedDistribution.Week expected = ExpectedDistribution.week(payloads, asOf,
                    LocalDate.parse(week.get("week").asText()), LocalDate.parse(week.get("from").asText()),
                    LocalDate.parse(week.get("to").asText()), team);
            String name = week.get("isoWeek").asText();
            assertThat(week.get("directoryPeople").asLong()).as(name).isEqualTo(expected.directoryPeople());
            assertThat(week.at("/adoption/activePeople").asLong()).as(name).isEqualTo(expected.activeInDirectory());
            assertThat(week.at("/adoption/share").asText()).as(name).isEqualTo(ExpectedDistribution.fourPlaces(
                    expected.activeInDirectory(), expected.directoryPeople()));
            assertThat(week.get("activeOutsideDirectory").asLong()).as(name).isEqualTo(expected.outside());
            assertThat(week.get("teams").findValuesAsText("team")).as(name)
                    .containsExactlyElementsOf(expected.teams().keySet());
            for (JsonNode row : week.get("teams")) {
                long[] counts = expected.teams().get(row.get("team").asText());
                assertThat(row.get("directoryPeople").asLong()).as(name).isEqualTo(counts[0]);
                assertThat(row.at("/adoption/activePeople").asLong()).as(name).isEqualTo(counts[1]);
            }
        }
    }

    private JsonNode distribution(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/distribution?" + query);
    }
}
