package dev.aispend.report.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.TestLedger;
import dev.aispend.testsupport.security.TestIssuer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.audit.PolicyEntries.budget;
import static dev.aispend.report.audit.PolicyEntries.budgetContent;
import static dev.aispend.report.audit.PolicyEntries.budgetDecision;
import static dev.aispend.report.audit.PolicyEntries.check;
import static dev.aispend.testsupport.ledger.SpendMother.priced;
import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The budget report over a small hand-made ledger, every expected figure worked out by hand in this
 * class: a monthly UTC budget and a quarterly Berlin one, a retired budget, recorded threshold, forecast and
 * check decisions, a past period asked by key, and an as-of answer equal to what was served at that position.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetEdgesIT extends ReportSystemTest {
    private static final long MILLION = 1_000_000L;

    @Inject
    @Client("/")
    HttpClient http;
    private final TestLedger ledger = system.ledger();
    private JsonNode servedAtFirst;
    private long first;

    private JsonNode budgets(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/budgets" + query);
    }

    @Test
    @Order(1)
    void reports_each_budgets_period_with_burn_down_forecast_and_decisions() throws IOException {
        Instant created = Instant.parse("2026-09-30T12:00:00Z");
        List<LedgerEnvelope> entries = new ArrayList<>(List.of(
                ledger.append(budget("platform-monthly", 1, budgetContent("Platform, monthly",
                        Map.of("team", "platform"), "MONTH", "UTC", 1_000 * MILLION, List.of(50, 80), true, true),
                        created)),
                ledger.append(budget("research-quarterly", 1, budgetContent("Research, quarterly",
                        Map.of("team", "research"), "QUARTER", "Europe/Berlin", 500 * MILLION, List.of(), false,
                        true), created)),
                ledger.append(budget("old-budget", 1, budgetContent("Old", Map.of(), "YEAR", "UTC", 10 * MILLION,
                        List.of(), false, true), created)),
                ledger.append(budget("old-budget", 2, budgetContent("Old", Map.of(), "YEAR", "UTC", 10 * MILLION,
                        List.of(), false, false), created)),
                ledger.append(priced("p-1", "platform", "model-a", Instant.parse("2026-10-01T10:00:00Z"), 1,
                        200 * MILLION)),
                ledger.append(priced("p-2", "platform", "model-a", Instant.parse("2026-10-03T09:00:00Z"), 1,
                        150 * MILLION)),
                // 23:30 UTC on the 2nd is 01:30 on the 3rd in Berlin.
                ledger.append(priced("r-1", "research", "model-a", Instant.parse("2026-10-02T23:30:00Z"), 1,
                        100 * MILLION)),
                ledger.append(priced("p-3", "platform", "model-a", Instant.parse("2026-10-05T12:00:00Z"), 1,
                        200 * MILLION))));
        entries.add(ledger.append(budgetDecision("BUDGET_FORECAST_EXHAUSTION", "FORECAST", "platform-monthly", 1,
                "2026-10", null, 6, 350 * MILLION, Instant.parse("2026-10-03T09:00:00Z"),
                Map.of("projectedExhaustionAt", "2026-10-07T18:51:25.715Z", "method", "linear-v1"))));
        entries.add(ledger.append(budgetDecision("BUDGET_THRESHOLD_CROSSED", "CROSSED", "platform-monthly", 1,
                "2026-10", 50, 8, 550 * MILLION, Instant.parse("2026-10-05T12:00:00Z"), Map.of())));
        entries.add(ledger.append(check("chk-1", "DENY", "platform-monthly", 1, "2026-10", "prs_alice",
                600 * MILLION, Instant.parse("2026-10-05T13:00:00Z"))));
        entries.add(ledger.append(check("chk-0", "DENY", "platform-monthly", 1, "2026-09", "prs_alice",
                5 * MILLION, Instant.parse("2026-09-30T13:00:00Z"))));
        entries.add(ledger.append(check("chk-2", "ALLOW", "platform-monthly", 1, "2026-10", "prs_alice",
                MILLION, Instant.parse("2026-10-05T14:00:00Z"))));
        system.publish(entries);
        first = ledger.position();
        system.awaitApplied(first);

        String body = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/budgets"));
        JsonNode report = TestLedger.JACKSON.readTree(body);
        servedAtFirst = report;
        assertThat(body).contains("\"percentUsed\":55.00");

        // The clock: the latest time of use or policy change (decisions do not move it).
        assertThat(report.get("ledgerClock").asText()).isEqualTo("2026-10-05T12:00:00Z");
        assertThat(report.get("budgets").findValuesAsText("budgetId"))
                .containsExactly("old-budget", "platform-monthly", "research-quarterly");
        JsonNode platform = report.at("/budgets/1");
        assertThat(platform.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(platform.at("/scope/label").asText()).isEqualTo("team=platform");
        JsonNode october = platform.get("current");
        assertThat(october.get("periodKey").asText()).isEqualTo("2026-10");
        assertThat(october.get("periodStart").asText()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(october.get("spentUsdMicros").asLong()).isEqualTo(550 * MILLION);
        assertThat(october.get("remainingUsdMicros").asLong()).isEqualTo(450 * MILLION);
        assertThat(october.get("percentUsed").decimalValue()).isEqualByComparingTo("55.00");
        assertThat(october.get("burnDown").findValuesAsText("day")).containsExactly("2026-10-01", "2026-10-02",
                "2026-10-03", "2026-10-04", "2026-10-05");
        assertThat(october.get("burnDown").findValues("spentUsdMicros")).extracting(JsonNode::asLong)
                .containsExactly(200 * MILLION, 0L, 150 * MILLION, 0L, 200 * MILLION);
        assertThat(october.get("burnDown").findValues("remainingUsdMicros")).extracting(JsonNode::asLong)
                .containsExactly(800 * MILLION, 800 * MILLION, 650 * MILLION, 650 * MILLION, 450 * MILLION);
        // Elapsed 4.5 days = 388,800,000 ms; ceil(388.8e6 × 1e9 / 550e6) = 706,909,091 ms = 8 d 4 h 21 min 49.091 s.
        assertThat(october.at("/forecast/outcome").asText()).isEqualTo("PROJECTED");
        assertThat(october.at("/forecast/elapsedMillis").asLong()).isEqualTo(388_800_000L);
        assertThat(october.at("/forecast/projectedExhaustionAt").asText()).isEqualTo("2026-10-09T04:21:49.091Z");
        assertThat(october.at("/forecastDecisions/0/projectedExhaustionAt").asText())
                .isEqualTo("2026-10-07T18:51:25.715Z");
        assertThat(october.at("/forecastDecisions/0/ledgerPosition").asLong()).isEqualTo(9);
        assertThat(october.get("thresholdsCrossed")).hasSize(1);
        assertThat(october.at("/thresholdsCrossed/0/percent").asInt()).isEqualTo(50);
        assertThat(october.at("/thresholdsCrossed/0/ledgerPosition").asLong()).isEqualTo(10);
        assertThat(october.at("/thresholdsCrossed/0/triggerPosition").asLong()).isEqualTo(8);
        assertThat(october.at("/thresholdsCrossed/0/decidedAt").asText()).isEqualTo("2026-10-05T12:00:00Z");
        assertThat(october.at("/checksDenied/count").asLong()).isEqualTo(1);
        assertThat(october.at("/checksDenied/latest/0/checkId").asText()).isEqualTo("chk-1");
        assertThat(october.at("/checksDenied/latest/0/estimatedCostUsdMicros").asLong()).isEqualTo(600 * MILLION);

        // Berlin's Q4 runs from 2026-09-30T22:00Z to 2026-12-31T23:00Z (92 days and an hour): elapsed by the clock
        // 4 d 14 h = 396,000,000 ms; ceil(396e6 × 500e6 / 100e6) = 1,980,000,000 ms = 22 d 22 h after the start.
        JsonNode quarter = report.at("/budgets/2/current");
        assertThat(quarter.get("periodKey").asText()).isEqualTo("2026-Q4");
        assertThat(quarter.get("periodStart").asText()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(quarter.get("spentUsdMicros").asLong()).isEqualTo(100 * MILLION);
        assertThat(quarter.get("percentUsed").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(quarter.at("/burnDown/2/day").asText()).isEqualTo("2026-10-03");
        assertThat(quarter.at("/burnDown/2/spentUsdMicros").asLong()).isEqualTo(100 * MILLION);
        assertThat(quarter.at("/forecast/periodLengthMillis").asLong()).isEqualTo(7_952_400_000L);
        assertThat(quarter.at("/forecast/projectedExhaustionAt").asText()).isEqualTo("2026-10-23T20:00:00Z");
        assertThat(quarter.at("/checksDenied/count").asLong()).isZero();

        JsonNode old = report.at("/budgets/0");
        assertThat(old.get("status").asText()).isEqualTo("RETIRED");
        assertThat(old.get("version").asLong()).isEqualTo(2);
        assertThat(old.at("/current/forecast/outcome").asText()).isEqualTo("RETIRED");
    }

    @Test
    @Order(2)
    void answers_a_past_period_asked_by_key_and_one_budget() throws IOException {
        JsonNode september = budgets("?period=2026-09&budgetId=platform-monthly");

        assertThat(september.get("budgets")).hasSize(1);
        JsonNode period = september.at("/budgets/0/current");
        assertThat(period.get("periodKey").asText()).isEqualTo("2026-09");
        assertThat(period.get("spentUsdMicros").asLong()).isZero();
        assertThat(period.get("ledgerClockInPeriod").asBoolean()).isFalse();
        assertThat(period.get("burnDown")).hasSize(30);
        assertThat(period.at("/forecast/outcome").asText()).isEqualTo("CLOCK_OUTSIDE_PERIOD");
        assertThat(period.at("/checksDenied/count").asLong()).isEqualTo(1);
        assertThat(period.at("/checksDenied/latest/0/checkId").asText()).isEqualTo("chk-0");
        // A quarter's key asks the monthly budget for the month the quarter starts with.
        assertThat(budgets("?period=2026-Q4&budgetId=platform-monthly").at("/budgets/0/current/periodKey").asText())
                .isEqualTo("2026-10");
    }

    @Test
    @Order(3)
    void answers_as_of_a_past_position_what_it_served_then() throws IOException {
        system.publish(List.of(
                ledger.append(priced("p-4", "platform", "model-a", Instant.parse("2026-10-09T08:00:00Z"), 1,
                        500 * MILLION)),
                ledger.append(budgetDecision("BUDGET_THRESHOLD_CROSSED", "CROSSED", "platform-monthly", 1, "2026-10",
                        80, ledger.position(), 1_050 * MILLION, Instant.parse("2026-10-09T08:00:00Z"), Map.of())),
                ledger.append(budgetDecision("BUDGET_EXHAUSTED", "EXHAUSTED", "platform-monthly", 1, "2026-10",
                        null, ledger.position() - 1, 1_050 * MILLION, Instant.parse("2026-10-09T08:00:00Z"),
                        Map.of()))));
        system.awaitApplied(ledger.position());

        JsonNode now = budgets("?budgetId=platform-monthly").at("/budgets/0/current");
        assertThat(now.get("spentUsdMicros").asLong()).isEqualTo(1_050 * MILLION);
        assertThat(now.get("remainingUsdMicros").asLong()).isEqualTo(-50 * MILLION);
        assertThat(now.get("percentUsed").decimalValue()).isEqualByComparingTo("105.00");
        assertThat(now.get("thresholdsCrossed").findValuesAsText("kind")).containsExactly(
                "BUDGET_THRESHOLD_CROSSED", "BUDGET_THRESHOLD_CROSSED", "BUDGET_EXHAUSTED");
        assertThat(now.get("thresholdsCrossed").findValues("percent")).extracting(JsonNode::asInt)
                .containsExactly(50, 80, 100);
        assertThat(now.at("/forecast/outcome").asText()).isEqualTo("EXHAUSTED");

        assertThat(withoutApplied(budgets("?asOf=" + first))).isEqualTo(withoutApplied(servedAtFirst));
    }

    @Test
    @Order(4)
    void answers_csv_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        JsonNode json = budgets("?asOf=" + first);
        List<Map<String, String>> summary = csv("?asOf=" + first + "&format=csv");
        assertThat(summary).hasSize(3);
        Map<String, String> platform = summary.get(1);
        assertThat(platform.get("budgetId")).isEqualTo("platform-monthly");
        assertThat(Long.parseLong(platform.get("spentUsdMicros"))).isEqualTo(550 * MILLION);
        assertThat(platform.get("percentUsed")).isEqualTo("55.00");
        assertThat(platform.get("softThresholdsPercent")).isEqualTo("50|80");
        assertThat(platform.get("thresholdsCrossedPercent")).isEqualTo("50");
        assertThat(platform.get("projectedExhaustionAt")).isEqualTo("2026-10-09T04:21:49.091Z");
        assertThat(platform.get("checksDenied")).isEqualTo("1");

        List<Map<String, String>> days = csv("?asOf=" + first + "&format=csv&view=burndown");
        int jsonDays = 0;
        for (JsonNode budget : json.get("budgets")) {
            jsonDays += budget.at("/current/burnDown").size();
        }
        assertThat(days).hasSize(jsonDays);
        Map<String, String> fifth = days.stream().filter(row -> row.get("budgetId").equals("platform-monthly")
                && row.get("day").equals("2026-10-05")).findFirst().orElseThrow();
        assertThat(Long.parseLong(fifth.get("cumulativeUsdMicros"))).isEqualTo(550 * MILLION);
        assertThat(Long.parseLong(fifth.get("remainingUsdMicros"))).isEqualTo(450 * MILLION);
    }

    @Test
    @Order(5)
    void refuses_bad_parameters_naming_each() {
        assertThatThrownBy(() -> budgets("?period=2026-13&budgetId=Not_An_Id&view=chart&format=xml"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"period\"", "\"budgetId\"", "\"view\"", "\"format\"");
                });
        assertThatThrownBy(() -> budgets("?asOf=999999"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(409));
    }

    @Test
    @Order(6)
    void shows_a_team_lead_only_the_budgets_scoped_to_their_team() throws IOException {
        String lead = TestIssuer.teamToken("lead-of-research", "team-lead", List.of("research"), null);

        JsonNode research = TestLedger.JACKSON.readTree(http.toBlocking().retrieve(
                HttpRequest.GET("/v1/reports/budgets?team=research").bearerAuth(lead)));
        HttpClientResponseException everyTeam = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/budgets").bearerAuth(lead)));
        HttpClientResponseException otherTeam = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/budgets?team=platform")
                        .bearerAuth(lead)));

        // Neither the organisation-wide "old-budget" nor platform's: they count other teams' spend.
        assertThat(research.get("budgets").findValuesAsText("budgetId")).containsExactly("research-quarterly");
        assertThat(research.get("team").asText()).isEqualTo("research");
        assertThat(everyTeam.getStatus().getCode()).isEqualTo(403);
        assertThat(otherTeam.getStatus().getCode()).isEqualTo(403);
        assertThat(budgets("?team=platform").get("budgets").findValuesAsText("budgetId"))
                .as("the same filter for an organisation-wide reader").containsExactly("platform-monthly");
    }

    private List<Map<String, String>> csv(String query) throws IOException {
        return ReportAnswers.csv(http, "/v1/reports/budgets" + query);
    }
}
