package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.demo.DemoCredentials;
import dev.aispend.demo.DemoEndpoints;
import dev.aispend.demo.DemoGenerator;
import dev.aispend.demo.DemoLoader;
import dev.aispend.demo.DemoPlan;
import dev.aispend.demo.DemoSpec;
import dev.aispend.demo.LoadSummary;
import dev.aispend.testsupport.security.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smaller demo month of the same generator (40 people, three weeks) loaded into the running system through the
 * real APIs by the demo's loader, then read back through the reports: the ten teams spend, one budget is over its
 * amount, one team is in OUTCOME, the two gamers and nobody else are flagged, and every merge is counted.
 */
class DemoMonthIT {
    private static final String SECRET = "demo-month-webhook-secret";
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("demomonth", Map.of(
                "ingest-service", Map.of("INGEST_GITHUB_WEBHOOK_SECRET", SECRET),
                "policy-service", Map.of("POLICY_SEED_RATE_CARDS", "true", "POLICY_SEED_GAMIFICATION", "true",
                        "POLICY_SEED_INITIAL_DELAY", "1s")));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void a_loaded_demo_month_shows_spend_budgets_an_outcome_team_the_gamers_and_merges_in_the_reports() {
        String policy = system.url("policy-service");
        PolicyCalls.awaitSeededDefaults(policy, WITHIN);
        DemoPlan plan = DemoPlan.of(DemoGenerator.generate(new DemoSpec(DemoSpec.DEFAULT_SEED, lastTuesday(), 21,
                40)));
        String token = TestIssuer.token("demo-loader", "ingest-client", "admin", "policy-owner", "finance-auditor");
        DemoLoader loader = new DemoLoader(new DemoEndpoints(system.url("ingest-service"),
                system.url("ledger-service"), policy, system.url("report-service")),
                DemoCredentials.single(token, SECRET), System.out::println);

        LoadSummary summary = loader.load(plan);

        assertThat(summary.spendRecords()).isEqualTo(plan.spendRecords());
        String range = "from=" + LocalDate.ofInstant(plan.month().spec().start(), ZoneOffset.UTC) + "&to="
                + LocalDate.ofInstant(plan.month().spec().end(), ZoneOffset.UTC);
        assertThat(teamsWithSpend(range)).hasSize(10);
        assertThat(budgetsOverTheirAmount()).containsExactly(plan.month().overBudget().id());
        assertThat(teamsIn("OUTCOME", range)).containsExactly(plan.month().phase().team());
        assertThat(flaggedTeams(range)).containsExactlyInAnyOrder("ml", "infra");
        assertThat(mergedPrs(range)).isEqualTo(plan.mergedPullRequests());
        JsonNode totals = report("/v1/reports/spend?" + range).path("totals");

        LoadSummary again = loader.load(plan);

        assertThat(again.repeated()).as("the directory, budgets, phase and GitHub deliveries are repeats")
                .isEqualTo(plan.setup().size() + 1 + plan.mergedPullRequests());
        assertThat(report("/v1/reports/spend?" + range).path("totals")).as("nothing doubles").isEqualTo(totals);
        assertThat(mergedPrs(range)).isEqualTo(plan.mergedPullRequests());
    }

    /** The latest Tuesday, 13:00 UTC, before now: every run has the same weekly shape. */
    private static Instant lastTuesday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY))
                .atTime(13, 0).toInstant(ZoneOffset.UTC);
    }

    private static Set<String> teamsWithSpend(String range) {
        Set<String> teams = new HashSet<>();
        for (JsonNode row : report("/v1/reports/spend?groupBy=team&" + range).path("rows")) {
            if (row.path("figures").path("costUsdMicros").asLong() > 0) {
                teams.add(row.path("team").asText());
            }
        }
        return teams;
    }

    private static List<String> budgetsOverTheirAmount() {
        return iterate(report("/v1/reports/budgets").path("budgets")).stream()
                .filter(budget -> budget.path("current").path("spentUsdMicros").asLong()
                        > budget.path("amountUsdMicros").asLong())
                .map(budget -> budget.path("budgetId").asText()).toList();
    }

    private static List<String> teamsIn(String phase, String range) {
        return iterate(report("/v1/reports/gamification?" + range).path("phases").path("teams")).stream()
                .filter(team -> team.path("phase").asText().equals(phase)).map(team -> team.path("team").asText())
                .toList();
    }

    /** The teams of the people flagged, one entry per person. */
    private static List<String> flaggedTeams(String range) {
        Map<String, String> people = new java.util.HashMap<>();
        for (JsonNode flag : report("/v1/reports/anomalies?" + range).path("flags")) {
            people.put(flag.path("personRef").asText(), flag.path("team").asText());
        }
        return List.copyOf(people.values());
    }

    private static long mergedPrs(String range) {
        long merged = 0;
        for (JsonNode period : report("/v1/reports/efficiency?" + range).path("periods")) {
            merged += period.path("total").path("figures").path("mergedPrs").asLong();
        }
        return merged;
    }

    private static JsonNode report(String pathAndQuery) {
        JsonHttp.Response response = JsonHttp.get(system.url("report-service") + pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
