package dev.aispend.report.spend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.report.fixture.ExpectedFigures;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.SpendMother;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spend report over the October 2026 fixture (ReportMonth), checked against ExpectedFigures, a plain second
 * computation over the same payloads that shares no code with the report: totals, per team, person, cost center,
 * model and day, tokens, unpriced records, reconciliation and evidence; as of the middle of the month; and the
 * same as-of answer before and after more entries. Also: a use dated 0001-01-01 is reported on that day.
 */
@MicronautTest(transactional = false)
class SpendGoldenIT extends ReportSystemTest {
    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

    @Inject
    @Client("/")
    HttpClient http;
    private final ExpectedFigures expected = ExpectedFigures.ofMonth();
    private final long head = ReportMonth.envelopes().size();
    private final long middle = ReportMonth.positionAfterFirstHalf();

    @BeforeAll
    void publishTheMonth() {
        system.publishMonth();
    }

    private JsonNode spend(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/spend?" + query);
    }

    @Test
    void totals_and_tokens_equal_a_plain_computation_over_the_month() throws IOException {
        JsonNode report = spend(OCTOBER);

        assertThat(report.at("/asOf/ledgerPosition").asLong()).isEqualTo(head);
        assertThat(report.at("/totals/costUsdMicros").asLong()).isEqualTo(expected.spendUsdMicros(FROM, TO, head));
        assertThat(report.at("/totals/records").asLong()).isEqualTo(expected.spendRecords(FROM, TO, head));
        TokenCounts tokens = expected.tokens(FROM, TO, head);
        assertThat(report.at("/totals/tokens/input").asLong()).isEqualTo(tokens.inputTokens());
        assertThat(report.at("/totals/tokens/output").asLong()).isEqualTo(tokens.outputTokens());
        assertThat(report.at("/totals/tokens/cacheRead").asLong()).isEqualTo(tokens.cacheReadTokens());
        assertThat(report.at("/totals/tokens/cacheWrite5m").asLong()).isEqualTo(tokens.cacheWrite5mTokens());
        assertThat(report.at("/totals/tokens/cacheWrite1h").asLong()).isEqualTo(tokens.cacheWrite1hTokens());
        assertThat(report.at("/totals/tokens/reasoning").asLong()).isEqualTo(tokens.reasoningTokens());
        ExpectedFigures.ReportedVsComputed reported = expected.reportedVsComputed(FROM, TO, head);
        assertThat(report.at("/totals/reconciliation/reportedRecords").asLong()).isEqualTo(reported.records());
        assertThat(report.at("/totals/reconciliation/reportedCostUsdMicros").asLong())
                .isEqualTo(reported.reportedUsdMicros());
        assertThat(report.at("/totals/reconciliation/ourCostUsdMicros").asLong())
                .isEqualTo(reported.computedUsdMicros());
        assertThat(report.at("/totals/evidence/ourCostUsdMicros").asLong())
                .isEqualTo(expected.evidenceUsdMicros(FROM, TO, head));
        // Both unpriced records were priced later by the mystery re-pricing.
        assertThat(report.at("/totals/unpricedRecords").asLong()).isEqualTo(expected.unpricedRecords(head).size());
    }

    @Test
    void splits_by_team_person_cost_center_model_and_day_as_the_plain_computation_does() throws IOException {
        assertThat(byKey(spend(OCTOBER + "&groupBy=team"), "team"))
                .isEqualTo(expected.spendUsdMicrosByTeam(FROM, TO, head));
        assertThat(byKey(spend(OCTOBER + "&groupBy=personRef"), "personRef"))
                .isEqualTo(expected.spendUsdMicrosByPerson(FROM, TO, head));
        assertThat(byKey(spend(OCTOBER + "&groupBy=costCenter"), "costCenter"))
                .isEqualTo(expected.spendUsdMicrosByCostCenter(FROM, TO, head));
        assertThat(byKey(spend(OCTOBER + "&groupBy=model"), "model"))
                .isEqualTo(expected.spendUsdMicrosByModel(FROM, TO, head));
        Map<String, Long> byDay = new HashMap<>();
        expected.spendUsdMicrosByDay(FROM, TO, head).forEach((day, cost) -> byDay.put(day.toString(), cost));
        assertThat(byKey(spend(OCTOBER + "&period=day&groupBy="), "period")).isEqualTo(byDay);
    }

    @Test
    void answers_as_of_the_middle_of_the_month_what_the_ledger_said_then() throws IOException {
        JsonNode report = spend(OCTOBER + "&groupBy=team&asOf=" + middle);

        assertThat(report.at("/asOf/ledgerPosition").asLong()).isEqualTo(middle);
        assertThat(byKey(report, "team")).isEqualTo(expected.spendUsdMicrosByTeam(FROM, TO, middle));
        assertThat(byKey(spend(OCTOBER + "&groupBy=personRef&asOf=" + middle), "personRef"))
                .isEqualTo(expected.spendUsdMicrosByPerson(FROM, TO, middle));
        Instant recorded = Instant.parse(report.at("/asOf/recordedAt").asText());
        assertThat(spend(OCTOBER + "&groupBy=team&asOf=" + recorded).at("/asOf/ledgerPosition").asLong())
                .isGreaterThanOrEqualTo(middle);
    }

    @Test
    void keeps_an_as_of_answer_when_entries_follow_and_reports_any_day_as_itself() throws IOException {
        JsonNode served = spend(OCTOBER + "&groupBy=team,model&period=week");
        SpendRecorded ancient = SpendMother.priced("ancient-1", "platform", "model-a",
                Instant.parse("0001-01-01T00:00:00Z"), 10, 50);
        system.publish(ReportMonth.after(ancient));
        system.awaitApplied(head + 1);

        JsonNode again = spend(OCTOBER + "&groupBy=team,model&period=week&asOf=" + head);
        assertThat(withoutApplied(again)).isEqualTo(withoutApplied(served));
        JsonNode firstDay = spend("from=0001-01-01&to=0001-01-01&period=day");
        assertThat(firstDay.at("/rows/0/period").asText()).isEqualTo("0001-01-01");
        assertThat(firstDay.at("/totals/costUsdMicros").asLong()).isEqualTo(50);
    }

    private static Map<String, Long> byKey(JsonNode report, String key) {
        Map<String, Long> costs = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            costs.merge(row.path(key).asText(null), row.at("/figures/costUsdMicros").asLong(), Long::sum);
        }
        return costs;
    }
}
