package dev.aispend.report.cfosummary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.report.fixture.ExpectedFigures;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CFO summary of October 2026 over the fixture month, each figure worked out here from the payloads with
 * plain arithmetic (and ExpectedFigures, which shares no code with the reports): month to date, the organization
 * budget's October, the linear forecast at the ledger clock, the cost-per-merged-PR trend, the movers against
 * September's same days, and the flagged spend open and cleared.
 */
@MicronautTest(transactional = false)
class CfoSummaryIT extends ReportSystemTest {
    private static final LocalDate OCTOBER_FIRST = LocalDate.of(2026, 10, 1);

    @Inject
    @Client("/")
    HttpClient http;
    private final ExpectedFigures expected = ExpectedFigures.ofMonth();
    private final List<LedgerPayload> payloads = ReportMonth.payloads();
    private final long head = payloads.size();

    @BeforeAll
    void publishTheMonth() {
        system.publishMonth();
    }

    @Test
    void answers_the_month_with_figures_worked_out_from_the_payloads() throws IOException {
        JsonNode summary = ReportAnswers.json(http, "/v1/reports/cfo-summary?month=2026-10");

        Instant clock = ledgerClock();
        LocalDate through = LocalDate.ofInstant(clock, ZoneOffset.UTC);
        assertThat(summary.get("ledgerClock").asText()).isEqualTo(clock.toString());
        long toDate = expected.spendUsdMicros(OCTOBER_FIRST, through, head);
        assertThat(summary.at("/monthToDate/costUsdMicros").asLong()).isEqualTo(toDate);
        JsonNode budget = summary.get("budgets").get(0);
        assertThat(summary.get("budgets")).hasSize(1);
        assertThat(budget.get("budgetId").asText()).isEqualTo(ReportMonth.ORG_BUDGET);
        assertThat(budget.get("amountUsdMicros").asLong()).isEqualTo(ReportMonth.ORG_AMOUNT_USD_MICROS);
        assertThat(budget.get("spentUsdMicros").asLong()).isEqualTo(organizationBudgetOctober());
        long elapsed = Duration.between(Instant.parse("2026-10-01T00:00:00Z"), clock).toMillis();
        long forecast = BigDecimal.valueOf(toDate).multiply(BigDecimal.valueOf(Duration.ofDays(31).toMillis()))
                .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(summary.at("/forecast/monthUsdMicros").asLong()).isEqualTo(forecast);

        JsonNode october = summary.get("costPerMergedPrTrend").get(5);
        assertThat(october.get("month").asText()).isEqualTo("2026-10");
        long prs = expected.mergedPrsByTeam(OCTOBER_FIRST, LocalDate.of(2026, 10, 31), head).values().stream()
                .mapToLong(Long::longValue).sum();
        assertThat(october.get("mergedPrs").asLong()).isEqualTo(prs);
        assertThat(october.get("costUsdMicros").asLong())
                .isEqualTo(expected.spendUsdMicros(OCTOBER_FIRST, LocalDate.of(2026, 10, 31), head));
        assertThat(summary.get("costPerMergedPrTrend").get(4).get("month").asText()).isEqualTo("2026-09");

        Map<String, Long> now = expected.spendUsdMicrosByTeam(OCTOBER_FIRST, through, head);
        Map<String, Long> before = expected.spendUsdMicrosByTeam(LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 1).plusDays(Math.min(29, through.getDayOfMonth() - 1)), head);
        JsonNode mover = summary.get("biggestMovers").get(0);
        String team = mover.get("team").asText();
        assertThat(mover.get("changeUsdMicros").asLong())
                .isEqualTo(now.get(team) - before.getOrDefault(team, 0L));
        for (JsonNode each : summary.get("biggestMovers")) {
            assertThat(Math.abs(each.get("changeUsdMicros").asLong()))
                    .isLessThanOrEqualTo(Math.abs(mover.get("changeUsdMicros").asLong()));
        }

        long[] flagged = flaggedOpenAndCleared();
        assertThat(summary.at("/flaggedSpend/openUsdMicros").asLong()).isEqualTo(flagged[0]);
        assertThat(summary.at("/flaggedSpend/clearedUsdMicros").asLong()).isEqualTo(flagged[1]);
    }

    @Test
    void says_the_same_as_of_an_earlier_position_and_as_csv() throws IOException {
        long middle = ReportMonth.positionAfterFirstHalf();
        JsonNode then = ReportAnswers.json(http, "/v1/reports/cfo-summary?month=2026-10&asOf="
                + middle);
        assertThat(then.at("/asOf/ledgerPosition").asLong()).isEqualTo(middle);
        LocalDate through = LocalDate.parse(then.get("through").asText());
        assertThat(then.at("/monthToDate/costUsdMicros").asLong())
                .isEqualTo(expected.spendUsdMicros(OCTOBER_FIRST, through, middle));

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/cfo-summary?month=2026-10&format=csv"));
        try (MappingIterator<Map<String, String>> rows = ReportAnswers.csvRows(csv)) {
            Map<String, String> first = rows.next();
            assertThat(first.get("figure")).isEqualTo("monthToDate");
            JsonNode json = ReportAnswers.json(http, "/v1/reports/cfo-summary?month=2026-10");
            assertThat(Long.parseLong(first.get("usdMicros"))).isEqualTo(json.at("/monthToDate/costUsdMicros")
                    .asLong());
        }
    }

    /** The latest time of use among spend, outcomes and policy changes: policy-service's ledger clock. */
    private Instant ledgerClock() {
        Instant latest = Instant.EPOCH;
        for (LedgerPayload payload : payloads) {
            if (payload instanceof SpendRecorded || payload instanceof OutcomeRecorded
                    || payload instanceof PolicyChanged) {
                latest = payload.occurredAt().isAfter(latest) ? payload.occurredAt() : latest;
            }
        }
        return latest;
    }

    /** October (UTC) spend recorded after the organization budget's first version, with its corrections. */
    private long organizationBudgetOctober() {
        long created = ReportMonth.positionOf(ReportMonth.policyRequest(ReportMonth.ORG_BUDGET, 1));
        long sum = 0;
        for (int index = 0; index < payloads.size(); index++) {
            LedgerPayload payload = payloads.get(index);
            if (payload instanceof SpendRecorded spend && index + 1 > created && inOctober(spend.occurredAt())) {
                sum += spend.spend().costUsdMicros();
            } else if (payload instanceof SpendRepriced repricing && repricing.originalPosition() > created
                    && inOctober(repricing.occurredAt())) {
                sum += repricing.costDeltaUsdMicros();
            }
        }
        return sum;
    }

    private static boolean inOctober(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).getMonthValue() == 10
                && LocalDate.ofInstant(at, ZoneOffset.UTC).getYear() == 2026;
    }

    /** The flags' spend, open and cleared (a clearing is ANOMALY_CLEARED:<flag id>). */
    private long[] flaggedOpenAndCleared() {
        java.util.Set<String> cleared = new java.util.HashSet<>();
        for (LedgerPayload payload : payloads) {
            if (payload instanceof PolicyDecisionRecorded decision && decision.kind().equals("ANOMALY_CLEARED")) {
                cleared.add(decision.decisionId().substring("ANOMALY_CLEARED:".length()));
            }
        }
        long open = 0;
        long clearedSpend = 0;
        for (LedgerPayload payload : payloads) {
            if (payload instanceof PolicyDecisionRecorded decision && decision.kind().equals("ANOMALY_FLAGGED")) {
                long spend = ((Number) decision.evidence().get("flaggedSpendUsdMicros")).longValue();
                if (cleared.contains(decision.decisionId())) {
                    clearedSpend += spend;
                } else {
                    open += spend;
                }
            }
        }
        return new long[]{open, clearedSpend};
    }
}
