package dev.aispend.report.gamification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
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
import java.util.TreeMap;

import static dev.aispend.report.gamification.GamificationLedger.badge;
import static dev.aispend.report.gamification.GamificationLedger.link;
import static dev.aispend.report.gamification.GamificationLedger.mergedPr;
import static dev.aispend.report.gamification.GamificationLedger.phaseChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gamification report's edge cases against real PostgreSQL and Kafka, over a hand-made October 2026: four
 * teams' spend and merged PRs (some outside the month, some recorded as evidence, a review that is no merge), phase
 * and badge decisions shaped as policy-service records them. The leaderboard is checked against a plain second sum
 * over the published payloads; phases and badges by hand.
 */
@MicronautTest(transactional = false)
class GamificationEdgeCasesIT extends ReportSystemTest {
    private static final Instant MID = Instant.parse("2026-10-10T12:00:00Z");
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";
    /** Per team: its people's spend in USD and merged PRs in October (the first person's, the second's, ...). */
    private static final Map<String, long[][]> OCTOBER_USE = Map.of(
            "platform", new long[][] {{10, 4}, {10, 3}, {10, 2}, {10, 1}, {10, 0}, {10, 2}},
            "web", new long[][] {{4, 2}, {4, 2}, {4, 1}, {4, 0}, {4, 1}},
            "research", new long[][] {{5, 3}, {5, 2}},
            "ops", new long[][] {{1, 2}, {1, 0}, {1, 0}, {1, 0}, {1, 0}});

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ReportReads reads;
    @Inject
    Cubes cubes;
    private final TestLedger ledger = system.ledger();
    private final List<LedgerPayload> published = new ArrayList<>();
    private long beforeOrganizationDecision;
    private JsonNode servedThen;

    @BeforeAll
    void publishOctober() throws IOException {
        List<LedgerPayload> payloads = new ArrayList<>();
        OCTOBER_USE.forEach((team, people) -> {
            for (int index = 0; index < people.length; index++) {
                String person = "prs_" + team + (index + 1);
                payloads.add(link(person, team, MID.minusSeconds(30 * 86_400)));
                payloads.add(GamificationLedger.spend("s-" + person, person, team, MID, people[index][0] * 1_000_000));
                for (int pr = 0; pr < people[index][1]; pr++) {
                    payloads.add(mergedPr("pr-" + person + "-" + pr, person, team, MID.plusSeconds(pr), false));
                }
            }
        });
        payloads.add(link("prs_design1", "design", MID));
        payloads.add(mergedPr("pr-evidence", "prs_web1", "web", MID, true));
        payloads.add(GamificationLedger.review("review-1", "prs_platform3", "platform", MID));
        payloads.add(GamificationLedger.spend("s-sep", "prs_platform1", "platform",
                Instant.parse("2026-09-30T23:59:59Z"), 100_000_000));
        payloads.add(mergedPr("pr-sep", "prs_platform1", "platform", Instant.parse("2026-09-30T23:59:59Z"), false));
        payloads.add(GamificationLedger.spend("s-nov", "prs_platform2", "platform",
                Instant.parse("2026-11-01T00:00:00Z"), 50_000_000));
        payloads.add(phaseChanged("platform", "EXPLORATION", "OUTCOME", "AUTOMATIC", 3,
                Instant.parse("2026-10-05T00:00:00Z"), List.of()));
        payloads.add(badge("badge-first-use", "First use", "BRONZE", "prs_platform1", "platform", "all",
                Instant.parse("2026-10-02T09:00:00Z")));
        payloads.add(badge("badge-first-use", "First use", "BRONZE", "prs_platform2", "platform", "all",
                Instant.parse("2026-10-03T09:00:00Z")));
        payloads.add(badge("badge-ai-assisted-merges", "AI-assisted merges", "BRONZE", "prs_platform1", "platform",
                "2026-10", Instant.parse("2026-10-20T09:00:00Z")));
        payloads.add(badge("badge-cost-per-pr", "Cost per PR", "GOLD", "prs_web1", "web", "2026-10",
                Instant.parse("2026-11-01T00:00:00Z")));
        payloads.add(badge("badge-first-use", "First use", "BRONZE", "prs_research1", "research", "all",
                Instant.parse("2026-10-04T09:00:00Z")));
        payloads.add(badge("badge-first-use", "First use", "BRONZE", "prs_web2", "web", "all",
                Instant.parse("2026-10-01T00:00:00Z")));
        payloads.add(badge("badge-model-explorer", "Model explorer", "SILVER", "prs_platform3", "platform",
                "2026-11", Instant.parse("2026-11-02T09:00:00Z")));
        publish(payloads);
        beforeOrganizationDecision = ledger.position();
        servedThen = report(OCTOBER);

        publish(List.of(phaseChanged(null, "EXPLORATION", "OUTCOME", "MANUAL", ledger.position(),
                        Instant.parse("2026-10-12T08:00:00Z"), List.of("design", "ops", "platform", "research", "web")),
                phaseChanged("research", "OUTCOME", "EXPLORATION", "MANUAL", ledger.position() + 1,
                        Instant.parse("2026-10-13T08:00:00Z"), List.of()),
                badge("badge-first-use", "First use", "BRONZE", "prs_web3", "web", "all",
                        Instant.parse("2026-10-14T09:00:00Z"))));
    }

    private void publish(List<LedgerPayload> payloads) {
        published.addAll(payloads);
        system.appendAndAwait(payloads);
    }

    private List<Map<String, String>> csv(String query) throws IOException {
        return ReportAnswers.csv(http, "/v1/reports/gamification?" + query);
    }

    private JsonNode report(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/gamification?" + query);
    }

    @Test
    void ranks_teams_by_merged_prs_per_dollar_as_a_plain_sum_of_the_payloads_says() throws IOException {
        JsonNode board = report(OCTOBER).get("leaderboard");
        Map<String, long[]> expected = PayloadSums.spendAndMergedPrs(published, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31));

        // research 5 PRs / $10, web 6 / $20, platform 12 / $60; ops has 2 merged PRs, short of 3.
        assertThat(board.get("entries").findValuesAsText("team")).containsExactly("research", "web", "platform", "ops");
        for (JsonNode place : board.get("entries")) {
            long[] volume = expected.get(place.get("team").asText());
            assertThat(place.get("spendUsdMicros").asLong()).isEqualTo(volume[0]);
            assertThat(place.get("mergedPrs").asLong()).isEqualTo(volume[1]);
            assertThat(place.get("mergedPrsPerUsd").decimalValue()).isEqualByComparingTo(
                    BigDecimal.valueOf(volume[1] * 1_000_000).divide(BigDecimal.valueOf(volume[0]), 4,
                            RoundingMode.HALF_EVEN));
        }
        assertThat(board.get("entries").findValuesAsText("rank")).containsExactly("1", "2", "3");
        assertThat(board.at("/entries/3/unranked").asText()).isEqualTo("MIN_MERGED_PRS");
        assertThat(board.at("/totals/mergedPrs").asLong())
                .isEqualTo(expected.values().stream().mapToLong(volume -> volume[1]).sum());
        assertThat(board.at("/totals/spendUsdMicros").asLong()).isEqualTo(95_000_000);

        JsonNode loose = report(OCTOBER + "&minMergedPrs=2").get("leaderboard");
        // ops ranks with 2 merged PRs for $5.
        assertThat(loose.get("entries").findValuesAsText("team")).containsExactly("research", "ops", "web",
                "platform");
    }

    @Test
    void ranks_people_with_the_minimum_volume_for_a_caller_who_may_see_them() throws IOException {
        JsonNode board = report(OCTOBER + "&level=person").get("leaderboard");

        // 3 / $5, 4 / $10, 3 / $10: the only people with 3 merged PRs.
        assertThat(board.get("level").asText()).isEqualTo("person");
        assertThat(board.get("entries").findValuesAsText("rank")).containsExactly("1", "2", "3");
        assertThat(board.get("entries").findValuesAsText("personRef").subList(0, 3))
                .containsExactly("prs_research1", "prs_platform1", "prs_platform2");
        assertThat(board.at("/entries/0/mergedPrsPerUsd").decimalValue()).isEqualByComparingTo("0.6");
    }

    @Test
    void shows_each_teams_phase_since_the_decision_that_set_it() throws IOException {
        JsonNode phases = report(OCTOBER).get("phases");

        assertThat(phases.at("/organization/phase").asText()).isEqualTo("OUTCOME");
        assertThat(phases.at("/organization/how").asText()).isEqualTo("MANUAL");
        assertThat(phases.get("teams").findValuesAsText("team"))
                .containsExactly("design", "ops", "platform", "research", "web");
        Map<String, String> byTeam = new TreeMap<>();
        phases.get("teams").forEach(team -> byTeam.put(team.get("team").asText(), team.get("phase").asText() + "/"
                + team.get("source").asText() + "/" + team.get("since").asText()));
        assertThat(byTeam).containsEntry("platform", "OUTCOME/ORGANIZATION/2026-10-12T08:00:00Z")
                .containsEntry("design", "OUTCOME/ORGANIZATION/2026-10-12T08:00:00Z")
                .containsEntry("research", "EXPLORATION/TEAM/2026-10-13T08:00:00Z");

        JsonNode before = report(OCTOBER + "&asOf=" + beforeOrganizationDecision).get("phases");
        assertThat(before.at("/organization/source").asText()).isEqualTo("DEFAULT");
        assertThat(before.at("/teams/2/team").asText()).isEqualTo("platform");
        assertThat(before.at("/teams/2/how").asText()).isEqualTo("AUTOMATIC");
        assertThat(before.at("/teams/3/phase").asText()).isEqualTo("EXPLORATION");
        assertThat(report("team=platform&" + OCTOBER).at("/phases/teams").size()).isEqualTo(1);
    }

    @Test
    void counts_the_badges_dated_in_the_range_per_team_badge_and_tier() throws IOException {
        JsonNode badges = report(OCTOBER).get("badges");

        // In October: two first-use and one merges badge in platform, one first-use in research, a cost-per-PR
        // badge dated at the month's end and a first-use badge in web; not the one at 1 October 00:00, not November's.
        assertThat(badges.get("awards").asLong()).isEqualTo(6);
        assertThat(badges.get("byTeam").findValuesAsText("team")).containsExactly("platform", "research", "web");
        assertThat(counts(badges.at("/byTeam/0/counts"))).containsExactly("badge-ai-assisted-merges/BRONZE=1",
                "badge-first-use/BRONZE=2");
        assertThat(counts(badges.at("/byTeam/2/counts"))).containsExactly("badge-cost-per-pr/GOLD=1",
                "badge-first-use/BRONZE=1");
        assertThat(badges.get("awarded").findValuesAsText("personRef")).contains("prs_web1", "prs_web3");
        assertThat(report(OCTOBER + "&team=web").at("/badges/awards").asLong()).isEqualTo(2);
    }

    @Test
    void answers_as_of_a_past_position_what_it_served_then() throws IOException {
        JsonNode now = report(OCTOBER + "&asOf=" + beforeOrganizationDecision);

        assertThat(ReportAnswers.withoutApplied(now)).isEqualTo(ReportAnswers.withoutApplied(servedThen));
        assertThat(servedThen.at("/badges/awards").asLong()).isEqualTo(5);
    }

    @Test
    void hides_small_teams_and_people_from_a_caller_who_may_not_see_people() {
        GamificationReport report = reads.read(AsOf.LATEST, snapshot -> new GamificationReports(
                ReportPrivacy.forCaller(false, 5), cubes).build(snapshot, new GamificationQuery(ReportDays.monthOf(
                LocalDate.of(2026, 10, 1)), null, false, 3, "leaderboard")));

        // research has 2 people; ops (5) is hidden with it, so their sum cannot be taken from the totals.
        assertThat(report.leaderboard().entries()).extracting(GamificationReport.Place::team)
                .containsExactly("web", "platform", "ops", "research");
        assertThat(report.leaderboard().entries().subList(2, 4)).allSatisfy(place -> {
            assertThat(place.suppressed()).isTrue();
            assertThat(place.mergedPrs()).isNull();
            assertThat(place.rank()).isNull();
        });
        assertThat(report.badges().byTeam()).filteredOn(GamificationReport.TeamBadges::suppressed)
                .extracting(GamificationReport.TeamBadges::team).containsExactly("research");
        assertThat(report.badges().awarded()).extracting(GamificationReport.Award::team).doesNotContain("research");
        assertThat(report.badges().awarded()).allSatisfy(award -> {
            assertThat(award.personRef()).isNull();
            assertThat(award.decisionId()).isNull();
        });
    }

    @Test
    void defaults_to_the_month_of_the_ledger_clock() throws IOException {
        JsonNode november = report("");

        assertThat(november.get("from").asText()).isEqualTo("2026-11-01");
        assertThat(november.get("to").asText()).isEqualTo("2026-11-30");
        assertThat(november.at("/leaderboard/totals/spendUsdMicros").asLong()).isEqualTo(50_000_000);
        assertThat(november.at("/badges/awards").asLong()).isEqualTo(1);
    }

    @Test
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        JsonNode json = report(OCTOBER);
        List<Map<String, String>> board = csv(OCTOBER + "&format=csv");
        List<Map<String, String>> badges = csv(OCTOBER + "&format=csv&view=badges");
        List<Map<String, String>> phases = csv(OCTOBER + "&format=csv&view=phases");

        assertThat(board).extracting(row -> row.get("team")).containsExactly("research", "web", "platform", "ops");
        for (int index = 0; index < board.size(); index++) {
            JsonNode place = json.at("/leaderboard/entries/" + index);
            assertThat(Long.parseLong(board.get(index).get("spendUsdMicros")))
                    .isEqualTo(place.get("spendUsdMicros").asLong());
            assertThat(new BigDecimal(board.get(index).get("mergedPrsPerUsd")))
                    .isEqualByComparingTo(place.get("mergedPrsPerUsd").decimalValue());
        }
        assertThat(badges.stream().mapToLong(row -> Long.parseLong(row.get("awards"))).sum()).isEqualTo(6);
        assertThat(phases.get(0).get("scope")).isEqualTo("organization");
        assertThat(phases).hasSize(1 + json.at("/phases/teams").size());
    }

    @Test
    void refuses_bad_parameters_naming_each() {
        assertThatThrownBy(() -> report("from=2026-10-01&level=boss&minMergedPrs=0&view=x&asOf=soon&format=xml"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("\"to\"",
                            "\"level\"", "\"minMergedPrs\"", "\"view\"", "\"asOf\"", "\"format\"");
                });
    }

    private static List<String> counts(JsonNode counts) {
        List<String> texts = new ArrayList<>();
        counts.forEach(count -> texts.add(count.get("badgeId").asText() + "/" + count.get("tier").asText() + "="
                + count.get("awards").asLong()));
        return texts;
    }
}
