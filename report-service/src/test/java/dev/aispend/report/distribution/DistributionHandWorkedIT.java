package dev.aispend.report.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.report.efficiency.LedgerLines;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.efficiency.LedgerPayloads.aliasLink;
import static dev.aispend.report.efficiency.LedgerPayloads.link;
import static dev.aispend.report.efficiency.LedgerPayloads.october;
import static dev.aispend.report.efficiency.LedgerPayloads.spend;
import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distribution report against real PostgreSQL and Kafka over a hand-made October 2026: a directory of ten
 * people in two teams (one moving, one leaving, one joining, one listed only in the second batch), spend by them,
 * by someone who left and by an alias nobody resolved. Figures checked by hand and by a plain second computation
 * over the published payloads (ExpectedDistribution); as-of and CSV answers equal to the JSON.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionHandWorkedIT extends ReportSystemTest {
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";
    private static final Instant LISTED = Instant.parse("2026-09-01T00:00:00Z");
    private static final List<LocalDate> MONDAYS = List.of(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 5),
            LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26));

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
        List<LedgerPayload> first = new ArrayList<>();
        for (String person : List.of("prs_a1", "prs_a2", "prs_a3", "prs_a4", "prs_a5", "prs_a6")) {
            first.add(link(person, "platform", LISTED));
        }
        for (String person : List.of("prs_b1", "prs_b2", "prs_b3")) {
            first.add(link(person, "research", LISTED));
        }
        first.addAll(List.of(aliasLink("als_a1mail", "email", "prs_a1", "platform", LISTED),
                link("prs_b3", "departed", Instant.parse("2026-10-14T00:00:00Z")),
                link("prs_b4", "research", Instant.parse("2026-10-20T00:00:00Z")),
                link("prs_a6", "research", Instant.parse("2026-10-10T12:00:00Z")),
                spend("s-a1a", "prs_a1", "platform", october(1), 100, 10_000_000),
                spend("s-a1b", "prs_a1", "platform", october(8), 100, 5_000_000),
                spend("s-a2", "prs_a2", "platform", october(2), 100, 20_000_000),
                spend("s-a3a", "prs_a3", "platform", october(6), 100, 1_000_000),
                spend("s-a3b", "prs_a3", "platform", october(13), 100, 1_000_000),
                spend("s-a3c", "prs_a3", "platform", october(20), 100, 1_000_000),
                spend("s-a3d", "prs_a3", "platform", october(27), 100, 1_000_000),
                spend("s-a4", "prs_a4", "platform", october(15), 100, 3_000_000),
                spend("s-a6a", "prs_a6", "platform", october(5), 100, 2_000_000),
                spend("s-a6b", "prs_a6", "research", october(12), 100, 2_000_000),
                spend("s-b1", "prs_b1", "research", october(9), 100, 40_000_000),
                spend("s-b2", "prs_b2", "research", october(21), 100, 4_000_000),
                spend("s-b3", "prs_b3", "research", october(16), 100, 6_000_000),
                spend("s-b4", "prs_b4", "research", october(22), 100, 7_000_000),
                spend("s-ghost", "als_ghost", "unattributed", october(7), 100, 500_000)));
        publish(first);
        firstBatch = ledger.position();

        servedAfterFirstBatch = distribution(OCTOBER);

        assertMatchesPlainComputation(servedAfterFirstBatch, null);
    }

    @Test
    @Order(2)
    void gives_hand_worked_median_p90_concentration_and_weekly_adoption() throws IOException {
        publish(List.<LedgerPayload>of(link("prs_late", "research", LISTED),
                spend("s-late", "prs_late", "research", october(26), 100, 8_000_000),
                spend("s-a5", "prs_a5", "platform", october(30), 100, 9_000_000)));

        JsonNode report = distribution(OCTOBER);

        // October, ascending: 0.5, 3, 4, 4, 4, 6, 7, 8, 9, 15, 20, 40 (millions of micros), 120.5 in all.
        JsonNode october = report.at("/months/0");
        assertThat(october.get("activePeople").asLong()).isEqualTo(12);
        assertThat(october.at("/figures/spendUsdMicros").asLong()).isEqualTo(120_500_000);
        assertThat(october.at("/figures/medianUsdMicros").asLong()).isEqualTo(6_500_000);
        assertThat(october.at("/figures/p90UsdMicros").asLong()).isEqualTo(20_000_000);
        assertThat(october.at("/figures/top1Percent/people").asLong()).isEqualTo(1);
        assertThat(october.at("/figures/top1Percent/share").asText()).isEqualTo("0.3320");
        assertThat(october.at("/figures/top10Percent/people").asLong()).isEqualTo(2);
        assertThat(october.at("/figures/top10Percent/share").asText()).isEqualTo("0.4979");

        assertThat(report.get("weeks").findValuesAsText("isoWeek"))
                .containsExactly("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44");
        assertWeek(report.at("/weeks/0"), 10, 2, "0.2000", 0, "platform", 6, 2, "research", 4, 0);
        assertWeek(report.at("/weeks/1"), 10, 4, "0.4000", 1, "platform", 5, 2, "research", 5, 2);
        assertWeek(report.at("/weeks/2"), 9, 3, "0.3333", 1, "platform", 5, 2, "research", 4, 1);
        assertWeek(report.at("/weeks/3"), 10, 3, "0.3000", 0, "platform", 5, 1, "research", 5, 2);
        assertWeek(report.at("/weeks/4"), 10, 3, "0.3000", 0, "platform", 5, 2, "research", 5, 1);
        assertThat(report.at("/weeks/0/from").asText()).isEqualTo("2026-10-01");
        assertThat(report.at("/weeks/4/to").asText()).isEqualTo("2026-10-31");
        assertThat(report.at("/weeks/0/directoryAt").asText()).isEqualTo("2026-10-05T00:00:00Z");
        assertMatchesPlainComputation(report, null);
    }

    @Test
    @Order(3)
    void answers_as_of_the_first_batch_what_it_served_then() throws IOException {
        JsonNode asOf = distribution(OCTOBER + "&asOf=" + firstBatch);

        assertThat(withoutApplied(asOf)).isEqualTo(withoutApplied(servedAfterFirstBatch));
        assertMatchesPlainComputation(asOf, null);
        // Before the second batch the late joiner was in nobody's directory: 9 people, of them only a3 active.
        assertWeek(asOf.at("/weeks/4"), 9, 1, "0.1111", 0, "platform", 5, 1, "research", 4, 0);
    }

    @Test
    @Order(4)
    void restricts_to_a_team_its_spend_by_month_and_its_people_by_week() throws IOException {
        JsonNode research = distribution(OCTOBER + "&team=research");

        // research's spend: 2, 4, 6, 7, 8, 40 millions: median (6 + 7) / 2, p90 the 6th, top one 40 of 67.
        assertThat(research.at("/months/0/figures/medianUsdMicros").asLong()).isEqualTo(6_500_000);
        assertThat(research.at("/months/0/figures/p90UsdMicros").asLong()).isEqualTo(40_000_000);
        assertThat(research.at("/months/0/figures/top1Percent/share").asText()).isEqualTo("0.5970");
        // Week 42: b1, b2, a6, late in research, a6 active; b3 (left) spent for research outside the directory.
        assertThat(research.at("/weeks/2/directoryPeople").asLong()).isEqualTo(4);
        assertThat(research.at("/weeks/2/adoption/activePeople").asLong()).isEqualTo(1);
        assertThat(research.at("/weeks/2/activeOutsideDirectory").asLong()).isEqualTo(1);
        assertThat(research.at("/weeks/2/teams").findValuesAsText("team")).containsExactly("research");
        assertMatchesPlainComputation(research, "research");
    }

    @Test
    @Order(5)
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/distribution?" + OCTOBER
                + "&format=csv"));
        JsonNode json = distribution(OCTOBER);

        List<Map<String, String>> read = ReportAnswers.csv(csv);
        // one month, five weeks, two teams in each week
        assertThat(read).hasSize(1 + 5 + 10);
        Map<String, String> month = read.get(0);
        assertThat(month.get("row")).isEqualTo("month");
        assertThat(Long.parseLong(month.get("medianUsdMicros"))).isEqualTo(json.at("/months/0/figures/"
                + "medianUsdMicros").asLong());
        assertThat(Long.parseLong(month.get("p90UsdMicros"))).isEqualTo(json.at("/months/0/figures/"
                + "p90UsdMicros").asLong());
        assertThat(month.get("top10PercentShare")).isEqualTo(json.at("/months/0/figures/top10Percent/share")
                .asText());
        List<Map<String, String>> weeks = read.stream().filter(row -> "week".equals(row.get("row"))).toList();
        for (int index = 0; index < weeks.size(); index++) {
            JsonNode week = json.at("/weeks/" + index);
            assertThat(weeks.get(index).get("isoWeek")).isEqualTo(week.get("isoWeek").asText());
            assertThat(weeks.get(index).get("adoption")).isEqualTo(week.at("/adoption/share").asText());
            assertThat(Long.parseLong(weeks.get(index).get("activeOutsideDirectory")))
                    .isEqualTo(week.get("activeOutsideDirectory").asLong());
        }
        Map<String, String> research = read.stream().filter(row -> "teamWeek".equals(row.get("row"))
                && "2026-W42".equals(row.get("isoWeek")) && "research".equals(row.get("team"))).findFirst()
                .orElseThrow();
        assertThat(research.get("people")).isEqualTo("4");
        assertThat(research.get("activeInDirectory")).isEqualTo("1");
    }

    @Test
    @Order(6)
    void refuses_bad_parameters_naming_each() {
        assertThatThrownBy(() -> distribution("from=2026-10-01&period=month&model=m&format=pdf"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"to\"", "\"period\"", "\"model\"", "\"format\"");
                });
    }

    private void assertMatchesPlainComputation(JsonNode report, String team) {
        long asOf = report.at("/asOf/ledgerPosition").asLong();
        ExpectedDistribution.Month month = ExpectedDistribution.month(LedgerLines.of(published, asOf),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), team);
        JsonNode october = report.at("/months/0");
        assertThat(october.get("activePeople").asLong()).isEqualTo(month.people());
        assertThat(october.at("/figures/spendUsdMicros").asLong()).isEqualTo(month.spend());
        assertThat(october.at("/figures/medianUsdMicros").asLong()).isEqualTo(month.median());
        assertThat(october.at("/figures/p90UsdMicros").asLong()).isEqualTo(month.p90());
        assertThat(october.at("/figures/top1Percent/people").asLong()).isEqualTo(month.top1People());
        assertThat(october.at("/figures/top1Percent/share").asText()).isEqualTo(month.top1Share());
        assertThat(october.at("/figures/top10Percent/people").asLong()).isEqualTo(month.top10People());
        assertThat(october.at("/figures/top10Percent/share").asText()).isEqualTo(month.top10Share());
        assertThat(report.get("weeks")).hasSize(MONDAYS.size());
        for (int index = 0; index < MONDAYS.size(); index++) {
            LocalDate monday = MONDAYS.get(index);
            LocalDate from = index == 0 ? LocalDate.of(2026, 10, 1) : monday;
            LocalDate to = index == MONDAYS.size() - 1 ? LocalDate.of(2026, 10, 31) : monday.plusDays(6);
            ExpectedDistribution.Week expected = ExpectedDistribution.week(published, asOf, monday, from,
                    to, team);
            JsonNode week = report.at("/weeks/" + index);
            assertThat(week.get("week").asText()).isEqualTo(monday.toString());
            assertThat(week.get("directoryPeople").asLong()).isEqualTo(expected.directoryPeople());
            assertThat(week.at("/adoption/activePeople").asLong()).isEqualTo(expected.activeInDirectory());
            assertThat(week.at("/adoption/share").asText()).isEqualTo(ExpectedDistribution.fourPlaces(
                    expected.activeInDirectory(), expected.directoryPeople()));
            assertThat(week.get("activeOutsideDirectory").asLong()).isEqualTo(expected.outside());
            assertThat(week.get("teams").findValuesAsText("team")).containsExactlyElementsOf(expected.teams()
                    .keySet());
            for (JsonNode team2 : week.get("teams")) {
                long[] counts = expected.teams().get(team2.get("team").asText());
                assertThat(team2.get("directoryPeople").asLong()).isEqualTo(counts[0]);
                assertThat(team2.at("/adoption/activePeople").asLong()).isEqualTo(counts[1]);
            }
        }
    }

    private static void assertWeek(JsonNode week, long people, long active, String share, long outside,
                                   String firstTeam, long firstPeople, long firstActive, String secondTeam,
                                   long secondPeople, long secondActive) {
        assertThat(week.get("directoryPeople").asLong()).isEqualTo(people);
        assertThat(week.at("/adoption/activePeople").asLong()).isEqualTo(active);
        assertThat(week.at("/adoption/share").asText()).isEqualTo(share);
        assertThat(week.get("activeOutsideDirectory").asLong()).isEqualTo(outside);
        assertThat(week.at("/teams/0/team").asText()).isEqualTo(firstTeam);
        assertThat(week.at("/teams/0/directoryPeople").asLong()).isEqualTo(firstPeople);
        assertThat(week.at("/teams/0/adoption/activePeople").asLong()).isEqualTo(firstActive);
        assertThat(week.at("/teams/1/team").asText()).isEqualTo(secondTeam);
        assertThat(week.at("/teams/1/directoryPeople").asLong()).isEqualTo(secondPeople);
        assertThat(week.at("/teams/1/adoption/activePeople").asLong()).isEqualTo(secondActive);
    }

    private void publish(List<LedgerPayload> payloads) {
        system.appendAndAwait(payloads);
        published.addAll(payloads);
    }

    private JsonNode distribution(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/distribution?" + query);
    }
}
