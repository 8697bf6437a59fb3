package dev.aispend.report.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget report over the October 2026 fixture (ReportMonth), its figures computed a second way from the
 * payloads ({@link BudgetExpectations}): the org budget (UTC) and the platform budget (Europe/Berlin, raised
 * mid-month), October's spend, burn-down, forecast, thresholds and denied checks, the default period by the
 * ledger clock, as-of mid-month equal to what was served then, and CSV read back.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetReportIT extends ReportSystemTest {
    private static final BudgetExpectations ORG = new BudgetExpectations(ReportMonth.ORG_BUDGET, null,
            ZoneOffset.UTC, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), "2026-10");
    /** October in Berlin: CEST (+2) at its start, CET (+1) at its end. */
    private static final BudgetExpectations PLATFORM = new BudgetExpectations(ReportMonth.PLATFORM_BUDGET,
            ReportMonth.PLATFORM, ZoneId.of("Europe/Berlin"), Instant.parse("2026-09-30T22:00:00Z"),
            Instant.parse("2026-10-31T23:00:00Z"), "2026-10");

    @Inject
    @Client("/")
    HttpClient http;
    private final List<LedgerPayload> payloads = ReportMonth.payloads();
    private final long middle = ReportMonth.positionAfterFirstHalf();
    private final long end = ReportMonth.envelopes().size();
    private JsonNode servedAtMiddle;

    private JsonNode budgets(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/budgets" + query);
    }

    @Test
    @Order(1)
    void answers_mid_month_by_the_rules() throws IOException {
        system.publishMonthThrough(middle);

        servedAtMiddle = budgets("?period=2026-10");

        assertThat(servedAtMiddle.get("ledgerClock").asText())
                .isEqualTo(BudgetExpectations.clock(payloads, middle).toString());
        assertPeriod(servedAtMiddle, ORG, middle);
        assertPeriod(servedAtMiddle, PLATFORM, middle);
    }

    @Test
    @Order(2)
    void answers_the_whole_month_by_the_rules_and_as_of_mid_month_as_served_then() throws IOException {
        system.publishMonthAfter(middle);

        JsonNode october = budgets("?period=2026-10");
        // The month is not trivial for these budgets: thresholds were crossed, a check was denied.
        assertThat(ORG.limits(payloads, end)).isNotEmpty();
        assertThat(PLATFORM.limits(payloads, end)).isNotEmpty();
        assertThat(PLATFORM.checksDenied(payloads, end)).isEqualTo(1);
        assertPeriod(october, ORG, end);
        assertPeriod(october, PLATFORM, end);
        assertThat(budget(october, ReportMonth.PLATFORM_BUDGET).get("version").asLong()).isEqualTo(2);
        assertThat(budget(october, ReportMonth.PLATFORM_BUDGET).get("amountUsdMicros").asLong())
                .isEqualTo(ReportMonth.PLATFORM_AMOUNT_V2_USD_MICROS);

        assertThat(withoutApplied(budgets("?period=2026-10&asOf=" + middle))).isEqualTo(withoutApplied(servedAtMiddle));
    }

    @Test
    @Order(3)
    void defaults_to_the_period_the_ledger_clock_is_in_for_each_budget() throws IOException {
        Instant clock = BudgetExpectations.clock(payloads, end);
        JsonNode report = budgets("");

        assertThat(report.get("ledgerClock").asText()).isEqualTo(clock.toString());
        assertThat(budget(report, ReportMonth.ORG_BUDGET).at("/current/periodKey").asText())
                .isEqualTo(LocalDate.ofInstant(clock, ZoneOffset.UTC).toString().substring(0, 7));
        assertThat(budget(report, ReportMonth.PLATFORM_BUDGET).at("/current/periodKey").asText())
                .isEqualTo(LocalDate.ofInstant(clock, ZoneId.of("Europe/Berlin")).toString().substring(0, 7));
    }

    @Test
    @Order(4)
    void answers_csv_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        List<Map<String, String>> rows = csv("?period=2026-10&format=csv");
        assertThat(rows).extracting(row -> row.get("budgetId"))
                .containsExactly(ReportMonth.ORG_BUDGET, ReportMonth.PLATFORM_BUDGET);
        for (BudgetExpectations expected : List.of(ORG, PLATFORM)) {
            Map<String, String> row = rows.stream().filter(r -> r.get("budgetId").equals(expected.budgetId()))
                    .findFirst().orElseThrow();
            long spent = expected.spent(payloads, end);
            assertThat(Long.parseLong(row.get("spentUsdMicros"))).isEqualTo(spent);
            assertThat(row.get("percentUsed")).isEqualTo(BudgetExpectations.percent(spent,
                    expected.amount(payloads, end)).toPlainString());
            assertThat(Long.parseLong(row.get("checksDenied"))).isEqualTo(expected.checksDenied(payloads, end));
        }
        List<Map<String, String>> days = csv("?period=2026-10&format=csv&view=burndown&budgetId="
                + ReportMonth.PLATFORM_BUDGET);
        assertThat(days).hasSize(31);
        assertThat(Long.parseLong(days.get(30).get("cumulativeUsdMicros"))).isEqualTo(PLATFORM.spent(payloads, end));
    }

    /** The budget's October figures in {@code report} against the plain computation as of {@code asOf}. */
    private void assertPeriod(JsonNode report, BudgetExpectations expected, long asOf) {
        JsonNode budget = budget(report, expected.budgetId());
        JsonNode period = budget.get("current");
        Map<LocalDate, Long> days = expected.spentByDay(payloads, asOf);
        long spent = expected.spent(payloads, asOf);
        long amount = expected.amount(payloads, asOf);
        Instant clock = BudgetExpectations.clock(payloads, asOf);
        String what = expected.budgetId() + " as of " + asOf;

        assertThat(budget.get("amountUsdMicros").asLong()).as(what).isEqualTo(amount);
        assertThat(period.get("periodKey").asText()).as(what).isEqualTo("2026-10");
        assertThat(period.get("periodStart").asText()).as(what).isEqualTo(expected.start().toString());
        assertThat(period.get("periodEnd").asText()).as(what).isEqualTo(expected.end().toString());
        assertThat(period.get("spentUsdMicros").asLong()).as(what).isEqualTo(spent);
        assertThat(period.get("remainingUsdMicros").asLong()).as(what).isEqualTo(amount - spent);
        assertThat(period.get("percentUsed").decimalValue()).as(what)
                .isEqualByComparingTo(BudgetExpectations.percent(spent, amount));
        LocalDate first = LocalDate.of(2026, 10, 1);
        LocalDate last = clock.isBefore(expected.end()) ? LocalDate.ofInstant(clock, expected.zone())
                : LocalDate.of(2026, 10, 31);
        List<String> burnDown = new ArrayList<>();
        long cumulative = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            cumulative += days.getOrDefault(day, 0L);
            burnDown.add(day + " " + days.getOrDefault(day, 0L) + " " + cumulative + " " + (amount - cumulative));
        }
        List<String> served = new ArrayList<>();
        period.get("burnDown").forEach(day -> served.add(day.get("day").asText() + " "
                + day.get("spentUsdMicros").asLong() + " " + day.get("cumulativeUsdMicros").asLong() + " "
                + day.get("remainingUsdMicros").asLong()));
        assertThat(served).as(what).isEqualTo(burnDown);
        Instant projected = expected.projectedExhaustion(clock, spent, amount);
        assertThat(period.at("/forecast/projectedExhaustionAt").isMissingNode() ? null
                : period.at("/forecast/projectedExhaustionAt").asText()).as(what)
                .isEqualTo(projected == null ? null : projected.toString());
        List<String> limits = new ArrayList<>();
        period.get("thresholdsCrossed").forEach(limit -> limits.add(limit.get("percent").asInt() + "@"
                + limit.get("ledgerPosition").asLong()));
        assertThat(limits).as(what).isEqualTo(expected.limits(payloads, asOf));
        assertThat(period.get("forecastDecisions").findValues("ledgerPosition")).extracting(JsonNode::asLong)
                .as(what).isEqualTo(expected.forecasts(payloads, asOf));
        assertThat(period.at("/checksDenied/count").asLong()).as(what).isEqualTo(expected.checksDenied(payloads, asOf));
    }

    private static JsonNode budget(JsonNode report, String budgetId) {
        for (JsonNode budget : report.get("budgets")) {
            if (budget.get("budgetId").asText().equals(budgetId)) {
                return budget;
            }
        }
        throw new AssertionError("no budget " + budgetId + " in " + report);
    }

    private List<Map<String, String>> csv(String query) throws IOException {
        return ReportAnswers.csv(http, "/v1/reports/budgets" + query);
    }
}
