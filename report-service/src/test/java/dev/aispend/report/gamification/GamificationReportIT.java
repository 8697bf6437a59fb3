package dev.aispend.report.gamification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.report.fixture.ExpectedFigures;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gamification report over the fixture's October 2026 (ReportMonth): the leaderboard against the fixture's own
 * second computation of spend and merged PRs (ExpectedFigures), phases and badges against a plain reading of the
 * decisions among the payloads, and the answer as of before the phase switch equal to what was served then.
 */
@MicronautTest(transactional = false)
class GamificationReportIT extends ReportSystemTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";
    private static final long MIN_MERGED_PRS = 3;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ReportReads reads;
    @Inject
    Cubes cubes;
    private final ExpectedFigures figures = ExpectedFigures.ofMonth();
    private final long last = ReportMonth.envelopes().size();
    private PolicyDecisionRecorded phaseSwitch;
    private long beforePhaseSwitch;
    private JsonNode servedThen;

    @BeforeAll
    void publishTheMonth() throws IOException {
        phaseSwitch = decisions("PHASE_CHANGED", last).get(0);
        beforePhaseSwitch = ReportMonth.positionOf(phaseSwitch.decisionId()) - 1;
        servedThen = system.publishMonthKeeping(beforePhaseSwitch, () -> report(OCTOBER));
    }

    private JsonNode report(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/gamification?" + query);
    }

    @Test
    void ranks_teams_by_merged_prs_per_dollar_as_the_fixtures_own_sums_say() throws IOException {
        JsonNode board = report(OCTOBER).get("leaderboard");
        List<String[]> expected = expectedBoard(figures.spendUsdMicrosByTeam(FIRST, LAST, last),
                figures.mergedPrsByTeam(FIRST, LAST, last));

        assertThat(expected).filteredOn(row -> row[3] != null).hasSizeGreaterThanOrEqualTo(2);
        assertThat(board.get("entries").findValuesAsText("team"))
                .containsExactlyElementsOf(expected.stream().map(row -> row[0]).toList());
        for (int index = 0; index < expected.size(); index++) {
            JsonNode place = board.get("entries").get(index);
            assertThat(place.get("spendUsdMicros").asText()).isEqualTo(expected.get(index)[1]);
            assertThat(place.get("mergedPrs").asText()).isEqualTo(expected.get(index)[2]);
            assertThat(place.path("rank").isMissingNode()).isEqualTo(expected.get(index)[3] == null);
            if (Long.parseLong(expected.get(index)[1]) > 0) {
                assertThat(place.get("mergedPrsPerUsd").decimalValue())
                        .isEqualByComparingTo(ratio(expected.get(index), 4));
            }
        }
        assertThat(board.at("/totals/spendUsdMicros").asLong()).isEqualTo(figures.spendUsdMicros(FIRST, LAST, last));
    }

    @Test
    void ranks_people_on_all_their_volume_shown_in_their_directory_team() throws IOException {
        JsonNode board = report(OCTOBER + "&level=person").get("leaderboard");
        List<String[]> expected = expectedBoard(figures.spendUsdMicrosByPerson(FIRST, LAST, last),
                figures.mergedPrsByPerson(FIRST, LAST, last));

        List<String> ranked = expected.stream().filter(row -> row[3] != null).map(row -> row[0]).toList();
        assertThat(ranked).hasSizeGreaterThan(5);
        assertThat(board.get("entries").findValuesAsText("rank")).hasSize(ranked.size());
        assertThat(board.get("entries").findValuesAsText("personRef").subList(0, ranked.size()))
                .containsExactlyElementsOf(ranked);
        for (JsonNode place : board.get("entries")) {
            if (ReportMonth.MOVER.equals(place.get("personRef").asText())) {
                assertThat(place.get("team").asText()).isEqualTo(ReportMonth.DATA);
                assertThat(place.get("spendUsdMicros").asLong()).isEqualTo(figures.spendUsdMicrosByPerson(FIRST,
                        LAST, last).get(ReportMonth.MOVER));
            }
        }
    }

    @Test
    void shows_the_phase_each_decision_set_and_none_before_it() throws IOException {
        JsonNode phases = report(OCTOBER).get("phases");

        assertThat(phases.at("/organization/source").asText()).isEqualTo("DEFAULT");
        assertThat(phases.get("teams").findValuesAsText("team")).containsExactly(ReportMonth.DATA,
                ReportMonth.PLATFORM, ReportMonth.WEB);
        JsonNode platform = phases.at("/teams/1");
        assertThat(platform.get("phase").asText()).isEqualTo(phaseSwitch.result()).isEqualTo("OUTCOME");
        assertThat(platform.get("source").asText()).isEqualTo("TEAM");
        assertThat(platform.get("how").asText()).isEqualTo(phaseSwitch.evidence().get("how"));
        assertThat(Instant.parse(platform.get("since").asText())).isEqualTo(phaseSwitch.occurredAt());
        assertThat(phases.at("/teams/0/phase").asText()).isEqualTo("EXPLORATION");
        assertThat(servedThen.at("/phases/teams/1/source").asText()).isEqualTo("DEFAULT");
    }

    @Test
    void counts_the_badges_dated_in_october_per_team_badge_and_tier() throws IOException {
        JsonNode badges = report(OCTOBER).get("badges");
        Map<String, Long> expected = new TreeMap<>();
        for (PolicyDecisionRecorded award : decisions("BADGE_AWARDED", last)) {
            if (award.occurredAt().isAfter(Instant.parse("2026-10-01T00:00:00Z"))
                    && !award.occurredAt().isAfter(Instant.parse("2026-11-01T00:00:00Z"))) {
                expected.merge(award.evidence().get("team") + "/" + award.policyId() + "/" + award.result(), 1L,
                        Long::sum);
            }
        }

        Map<String, Long> counted = new TreeMap<>();
        badges.get("byTeam").forEach(team -> team.get("counts").forEach(count -> counted.put(team.get("team")
                .asText() + "/" + count.get("badgeId").asText() + "/" + count.get("tier").asText(),
                count.get("awards").asLong())));
        assertThat(expected).isNotEmpty();
        assertThat(counted).isEqualTo(expected);
        assertThat(badges.get("awards").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue)
                .sum());
    }

    @Test
    void answers_as_of_before_the_phase_switch_what_it_served_then() throws IOException {
        JsonNode then = report(OCTOBER + "&asOf=" + beforePhaseSwitch);

        assertThat(ReportAnswers.withoutApplied(then)).isEqualTo(ReportAnswers.withoutApplied(servedThen));
    }

    @Test
    void hides_the_two_person_team_and_every_person_from_a_caller_who_may_not_see_people() {
        GamificationReport report = reads.read(AsOf.LATEST, snapshot -> new GamificationReports(
                ReportPrivacy.forCaller(false, 5), cubes).build(snapshot, new GamificationQuery(
                new ReportDays(FIRST, LAST), null,
                false, MIN_MERGED_PRS, "leaderboard")));

        assertThat(report.leaderboard().entries()).filteredOn(place -> place.team().equals(ReportMonth.WEB))
                .singleElement().satisfies(web -> {
                    assertThat(web.suppressed()).isTrue();
                    assertThat(web.mergedPrs()).isNull();
                });
        assertThat(report.badges().awarded()).allSatisfy(award -> assertThat(award.personRef()).isNull());
        assertThat(report.badges().awarded()).extracting(GamificationReport.Award::team)
                .doesNotContain(ReportMonth.WEB);
    }

    @Test
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        JsonNode entries = report(OCTOBER).at("/leaderboard/entries");
        List<Map<String, String>> rows = ReportAnswers.csv(http, "/v1/reports/gamification?" + OCTOBER
                + "&format=csv");

        assertThat(rows).hasSize(entries.size());
        for (int index = 0; index < rows.size(); index++) {
            assertThat(rows.get(index).get("team")).isEqualTo(entries.get(index).get("team").asText());
            assertThat(rows.get(index).get("mergedPrs")).isEqualTo(entries.get(index).get("mergedPrs").asText());
            assertThat(new BigDecimal(rows.get(index).get("mergedPrsPerUsd")))
                    .isEqualByComparingTo(entries.get(index).get("mergedPrsPerUsd").decimalValue());
        }
    }

    /**
     * The board worked out plainly from per-group sums: {group, spend, merged PRs, "ranked" or null}, ranked groups
     * by PRs per dollar (to 30 places) then name, then those short of the merged PRs, then those short of $1 of
     * spend, each by name.
     */
    private static List<String[]> expectedBoard(Map<String, Long> spend, Map<String, Long> mergedPrs) {
        TreeSet<String> groups = new TreeSet<>(spend.keySet());
        groups.addAll(mergedPrs.keySet());
        List<String[]> ranked = new ArrayList<>();
        List<String[]> unranked = new ArrayList<>();
        for (String group : groups) {
            long cost = spend.getOrDefault(group, 0L);
            long prs = mergedPrs.getOrDefault(group, 0L);
            boolean eligible = prs >= MIN_MERGED_PRS && cost >= 1_000_000;
            (eligible ? ranked : unranked).add(new String[] {group, String.valueOf(cost), String.valueOf(prs),
                eligible ? "ranked" : null});
        }
        ranked.sort(Comparator.comparing((String[] row) -> ratio(row, 30)).reversed());
        unranked.sort(Comparator.comparing(row -> Long.parseLong(row[2]) >= MIN_MERGED_PRS));
        ranked.addAll(unranked);
        return ranked;
    }

    private static BigDecimal ratio(String[] row, int scale) {
        return new BigDecimal(row[2]).multiply(BigDecimal.valueOf(1_000_000))
                .divide(new BigDecimal(row[1]), scale, RoundingMode.HALF_EVEN);
    }

    private static List<PolicyDecisionRecorded> decisions(String kind, long upTo) {
        List<PolicyDecisionRecorded> found = new ArrayList<>();
        List<LedgerPayload> payloads = ReportMonth.payloads();
        for (int index = 0; index < upTo; index++) {
            if (payloads.get(index) instanceof PolicyDecisionRecorded decision && decision.kind().equals(kind)) {
                found.add(decision);
            }
        }
        return found;
    }
}
