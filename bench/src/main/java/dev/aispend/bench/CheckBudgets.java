package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The budgets the check benchmark checks against, created through the API as an administrator would: one for the
 * organization, one per team, one for a person, all hard-capped with amounts far above what a run reserves (so
 * checks are allowed and take reservations, the expensive path), and one tiny hard-capped team budget the
 * {@code over-cap} checks are denied by. Their ids are fixed: a later run on the same system finds them recorded
 * and checks against the same rules, instead of piling up organization budgets every check would lock.
 */
final class CheckBudgets {
    static final int TEAMS = 10;
    static final int PEOPLE = 20;
    static final String CAPPED_TEAM = "bench-capped";
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A budget's id and the body that creates it. */
    record Budget(String id, String body) {
    }

    private CheckBudgets() {
    }

    static String team(int index) {
        return "bench-team-%02d".formatted(index);
    }

    static String person(int index) {
        return "bench-person-%02d".formatted(index);
    }

    static List<Budget> all() {
        List<Budget> budgets = new ArrayList<>();
        // 1,000,000 USD a month; thresholds at 50/80/100 % as a finance team would set them.
        budgets.add(budget("bench-organization", "Benchmark organization", "{}", 1_000_000_000_000L, "[50, 80, 100]"));
        for (int index = 0; index < TEAMS; index++) {
            budgets.add(budget(team(index), "Benchmark " + team(index), "{\"team\": \"" + team(index) + "\"}",
                    100_000_000_000L, "[80, 100]"));
        }
        budgets.add(budget(person(0), "Benchmark " + person(0), "{\"personRef\": \"" + person(0) + "\"}",
                10_000_000_000L, "[100]"));
        // 1 micro-dollar: every check of this team estimating more is denied.
        budgets.add(budget(CAPPED_TEAM, "Benchmark capped team", "{\"team\": \"" + CAPPED_TEAM + "\"}", 1, "[]"));
        return budgets;
    }

    static Budget budget(String id, String name, String scope, long amountUsdMicros, String thresholds) {
        return new Budget(id, """
                {"id": "%s", "name": "%s", "scope": %s, "period": {"unit": "MONTH", "timeZone": "UTC"},
                 "amountUsdMicros": %d, "softThresholdsPercent": %s, "hardCap": true}""".formatted(id, name, scope,
                amountUsdMicros, thresholds));
    }

    /** Creates every budget not recorded yet and waits until the ledger has recorded each; returns how many. */
    static int ensure(HttpClient client, String policyUrl) throws IOException, InterruptedException {
        int created = 0;
        for (Budget budget : all()) {
            created += ensure(client, policyUrl, budget) ? 1 : 0;
        }
        return created;
    }

    /** Creates this budget unless it is recorded, and waits until the ledger has recorded it; true if created. */
    static boolean ensure(HttpClient client, String policyUrl, Budget budget) throws IOException, InterruptedException {
        HttpResponse<String> existing = client.send(HttpRequest.newBuilder(
                URI.create(policyUrl + "/v1/budgets/" + budget.id())).header("Authorization", BenchCredentials.bearer())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 200) {
            return false;
        }
        if (existing.statusCode() != 404) {
            throw new IllegalStateException("GET budget " + budget.id() + ": " + existing.statusCode() + " "
                    + existing.body());
        }
        create(client, policyUrl, budget);
        return true;
    }

    private static void create(HttpClient client, String policyUrl, Budget budget)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(policyUrl + "/v1/budgets")).header("Authorization", BenchCredentials.bearer())
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(budget.body())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return;
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST budget " + budget.id() + ": " + response.statusCode() + " "
                    + response.body());
        }
        String statusPath = response.headers().firstValue("Location").orElseGet(() ->
                field(response.body(), "statusUrl"));
        awaitRecorded(client, URI.create(policyUrl).resolve(statusPath), budget.id());
    }

    /** Polls the change's status link until the ledger answered: RECORDED, or REJECTED (a failure). */
    private static void awaitRecorded(HttpClient client, URI status, String budgetId)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(status).header("Authorization", BenchCredentials.bearer())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String outcome = response.statusCode() == 200 ? field(response.body(), "status") : "?";
            if (outcome.equals("RECORDED")) {
                return;
            }
            if (outcome.equals("REJECTED")) {
                throw new IllegalStateException("the ledger rejected budget " + budgetId + ": " + response.body());
            }
            // Poll interval: the change's status is only observable by asking.
            Thread.sleep(50);
        }
        throw new IllegalStateException("budget " + budgetId + " not recorded within " + RECORDED_WITHIN);
    }

    private static String field(String body, String name) {
        try {
            JsonNode value = JSON.readTree(body).get(name);
            return value == null ? "" : value.asText();
        } catch (IOException unreadable) {
            throw new IllegalStateException("unreadable answer: " + body, unreadable);
        }
    }
}
