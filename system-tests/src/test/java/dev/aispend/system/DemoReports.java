package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo month read back through report-service's endpoints (the tests' all-roles token), over a range. */
final class DemoReports {
    private final String report;
    private final String range;

    /** @param range the query's {@code from=...&to=...} */
    DemoReports(String report, String range) {
        this.report = report;
        this.range = range;
    }

    Set<String> teamsWithSpend() {
        Set<String> teams = new HashSet<>();
        for (JsonNode row : get("/v1/reports/spend?groupBy=team&" + range).path("rows")) {
            if (row.path("figures").path("costUsdMicros").asLong() > 0) {
                teams.add(row.path("team").asText());
            }
        }
        return teams;
    }

    JsonNode spendTotals() {
        return get("/v1/reports/spend?" + range).path("totals");
    }

    /** The budgets whose spend in their period of {@code month} ("2026-11") is past their amount. */
    List<String> budgetsOverTheirAmount(String month) {
        return nodes(get("/v1/reports/budgets?period=" + month).path("budgets")).stream()
                .filter(budget -> budget.path("current").path("spentUsdMicros").asLong()
                        > budget.path("amountUsdMicros").asLong())
                .map(budget -> budget.path("budgetId").asText()).toList();
    }

    List<String> teamsIn(String phase) {
        return nodes(get("/v1/reports/gamification?" + range).path("phases").path("teams")).stream()
                .filter(team -> team.path("phase").asText().equals(phase)).map(team -> team.path("team").asText())
                .toList();
    }

    /** The teams of the people flagged, one entry per person. */
    List<String> flaggedTeams() {
        Map<String, String> people = new HashMap<>();
        for (JsonNode flag : get("/v1/reports/anomalies?" + range).path("flags")) {
            people.put(flag.path("personRef").asText(), flag.path("team").asText());
        }
        return List.copyOf(people.values());
    }

    long mergedPrs() {
        long merged = 0;
        for (JsonNode period : get("/v1/reports/efficiency?" + range).path("periods")) {
            merged += period.path("total").path("figures").path("mergedPrs").asLong();
        }
        return merged;
    }

    private JsonNode get(String pathAndQuery) {
        JsonHttp.Response response = JsonHttp.get(report + pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> nodes(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
