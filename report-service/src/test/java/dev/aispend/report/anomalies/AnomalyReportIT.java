package dev.aispend.report.anomalies;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomalies report over the fixture's October 2026 (ReportMonth): the flags and the reviewer's clearing read
 * plainly from the payloads, all spend from the fixture's own second computation (ExpectedFigures), and the answer
 * as of just before the clearing (the flag open) equal to what was served then.
 */
@MicronautTest(transactional = false)
class AnomalyReportIT extends ReportSystemTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ReportReads reads;
    @Inject
    Cubes cubes;
    private final long last = ReportMonth.envelopes().size();
    private final long totalSpend = ExpectedFigures.ofMonth().spendUsdMicros(FIRST, LAST, last);
    private PolicyDecisionRecorded clearing;
    private long beforeClearing;
    private JsonNode servedThen;

    @BeforeAll
    void publishTheMonth() throws IOException {
        clearing = decisions("ANOMALY_CLEARED").get(0);
        beforeClearing = ReportMonth.positionOf(clearing.decisionId()) - 1;
        servedThen = system.publishMonthKeeping(beforeClearing, () -> report(OCTOBER));
    }

    private JsonNode report(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/anomalies?" + query);
    }

    @Test
    void totals_the_flagged_spend_open_and_cleared_and_its_share_of_all_spend() throws IOException {
        JsonNode totals = report(OCTOBER).get("totals");
        long cleared = 0;
        long open = 0;
        for (PolicyDecisionRecorded flag : decisions("ANOMALY_FLAGGED")) {
            long spend = ((Number) flag.evidence().get("flaggedSpendUsdMicros")).longValue();
            if (flag.decisionId().equals(clearing.evidence().get("flagDecisionId"))) {
                cleared += spend;
            } else {
                open += spend;
            }
        }

        assertThat(decisions("ANOMALY_FLAGGED")).hasSize(2);
        assertThat(totals.get("spendUsdMicros").asLong()).isEqualTo(totalSpend);
        assertThat(totals.at("/open/spendUsdMicros").asLong()).isEqualTo(open);
        assertThat(totals.at("/cleared/spendUsdMicros").asLong()).isEqualTo(cleared);
        assertThat(totals.at("/flagged/spendUsdMicros").asLong()).isEqualTo(open + cleared);
        assertThat(totals.at("/open/shareOfSpend").decimalValue()).isEqualByComparingTo(share(open));
        assertThat(totals.at("/flagged/shareOfSpend").decimalValue()).isEqualByComparingTo(share(open + cleared));
        FlagBook.Totals reused = reads.read(AsOf.LATEST, snapshot -> FlaggedSpend.between(snapshot, FIRST, LAST));
        assertThat(reused.open().spendUsdMicros()).isEqualTo(open);
        assertThat(reused.cleared().spendUsdMicros()).isEqualTo(cleared);
    }

    @Test
    void shows_the_reviewer_and_the_reason_of_the_cleared_flag() throws IOException {
        JsonNode cleared = report(OCTOBER + "&status=cleared").get("flags");

        assertThat(cleared).hasSize(1);
        assertThat(cleared.at("/0/decisionId").asText()).isEqualTo(clearing.evidence().get("flagDecisionId"));
        assertThat(cleared.at("/0/clearing/clearedBy").asText()).isEqualTo(clearing.evidence().get("actor"));
        assertThat(cleared.at("/0/clearing/reason").asText()).isEqualTo(clearing.evidence().get("reason"));
        assertThat(cleared.at("/0/clearing/ledgerPosition").asLong())
                .isEqualTo(ReportMonth.positionOf(clearing.decisionId()));
        assertThat(report(OCTOBER + "&status=open").get("flags")).hasSize(1);
    }

    @Test
    void answers_as_of_just_before_the_clearing_what_it_served_then_with_the_flag_open() throws IOException {
        JsonNode then = report(OCTOBER + "&asOf=" + beforeClearing);

        assertThat(ReportAnswers.withoutApplied(then)).isEqualTo(ReportAnswers.withoutApplied(servedThen));
        assertThat(then.get("flags").findValuesAsText("status")).containsOnly("open");
        assertThat(then.at("/totals/cleared/flags").asLong()).isZero();
    }

    @Test
    void groups_the_flags_by_team_without_people_for_a_caller_who_may_not_see_them() {
        AnomalyReport report = reads.read(AsOf.LATEST, snapshot -> new AnomalyReports(
                ReportPrivacy.forCaller(false, 5), cubes)
                .build(snapshot, new AnomalyQuery(new ReportDays(FIRST, LAST), null, null, null)));
        List<String> flaggedTeams = new ArrayList<>();
        decisions("ANOMALY_FLAGGED").forEach(flag -> flaggedTeams.add((String) flag.evidence().get("team")));

        assertThat(report.flags()).isNull();
        assertThat(report.byTeam()).extracting(AnomalyReport.TeamRow::team)
                .containsExactlyElementsOf(flaggedTeams.stream().distinct().sorted().toList());
        assertThat(report.byTeam()).allSatisfy(team -> assertThat(team.people()).isGreaterThanOrEqualTo(5));
        assertThat(report.byTeam().stream().mapToLong(team -> team.flagged().spendUsdMicros()).sum())
                .isEqualTo(report.totals().flagged().spendUsdMicros());
    }

    @Test
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        JsonNode json = report(OCTOBER);
        List<Map<String, String>> totals = ReportAnswers.csv(http, "/v1/reports/anomalies?" + OCTOBER
                + "&format=csv&view=totals");
        List<Map<String, String>> flags = ReportAnswers.csv(http, "/v1/reports/anomalies?" + OCTOBER
                + "&format=csv");

        assertThat(totals).extracting(row -> row.get("status")).containsExactly("open", "cleared", "flagged");
        for (Map<String, String> row : totals) {
            JsonNode part = json.at("/totals/" + row.get("status"));
            assertThat(Long.parseLong(row.get("flaggedSpendUsdMicros"))).isEqualTo(part.get("spendUsdMicros")
                    .asLong());
            assertThat(new BigDecimal(row.get("shareOfSpend"))).isEqualByComparingTo(part.get("shareOfSpend")
                    .decimalValue());
        }
        assertThat(flags).extracting(row -> row.get("status")).containsExactlyInAnyOrder("open", "cleared");
    }

    private BigDecimal share(long part) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(totalSpend), 4, RoundingMode.HALF_EVEN);
    }

    /** The decisions of {@code kind} dated in October (after its start, up to its end), in ledger order. */
    private static List<PolicyDecisionRecorded> decisions(String kind) {
        List<PolicyDecisionRecorded> found = new ArrayList<>();
        for (LedgerPayload payload : ReportMonth.payloads()) {
            if (payload instanceof PolicyDecisionRecorded decision && decision.kind().equals(kind)
                    && decision.occurredAt().isAfter(Instant.parse("2026-10-01T00:00:00Z"))
                    && !decision.occurredAt().isAfter(Instant.parse("2026-11-01T00:00:00Z"))) {
                found.add(decision);
            }
        }
        return found;
    }
}
