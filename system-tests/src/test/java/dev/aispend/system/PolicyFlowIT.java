package dev.aispend.system;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's policy flow on the whole running system: the default rate cards are seeded at first start; a
 * policy owner sets a rate card and a team budget with thresholds and a hard cap, and sees the versions (412 on a
 * stale If-Match); spend sent to ingest is priced by the card (through a dated alias) and produces the threshold
 * and exhaustion decisions in the ledger; the check endpoint denies past the cap; re-derivation finds every
 * recorded decision again with zero mismatches.
 */
class PolicyFlowIT {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String RUN = "policyflow";
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start(RUN, Map.of("policy-service", Map.of("POLICY_SEED_RATE_CARDS", "true",
                "POLICY_SEED_INITIAL_DELAY", "1s")));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void budgets_hold_at_the_cap_and_every_decision_re_derives() {
        String policy = system.url("policy-service");
        JsonNode seeded = PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/rate-cards").body(),
                cards -> cards.get("rateCards").size() >= 3, WITHIN, "the default rate cards to be seeded");
        assertThat(seeded.get("rateCards").findValuesAsText("actor")).containsOnly("system");

        JsonHttp.Response card = JsonHttp.send("POST", policy + "/v1/rate-cards", """
                {"id": "acme-negotiated", "provider": "anthropic", "effectiveFrom": "2026-01-01T00:00:00Z",
                 "models": [{"model": "claude-sonnet-4-5", "aliases": ["claude-sonnet-4-5-20250929"],
                   "inputUsdMicrosPerMillionTokens": 2000000, "outputUsdMicrosPerMillionTokens": 10000000,
                   "cacheReadUsdMicrosPerMillionTokens": 200000, "cacheWrite5mUsdMicrosPerMillionTokens": 2500000,
                   "cacheWrite1hUsdMicrosPerMillionTokens": 4000000}]}""",
                "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(card.status()).isEqualTo(201);
        assertThat(card.header("ETag")).isEqualTo("\"1\"");

        JsonHttp.Response budget = JsonHttp.send("POST", policy + "/v1/budgets", """
                {"id": "platform-monthly", "name": "Platform, monthly", "scope": {"team": "platform"},
                 "period": {"unit": "MONTH", "timeZone": "UTC"}, "amountUsdMicros": 10000000,
                 "softThresholdsPercent": [50, 80], "hardCap": true}""",
                "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(budget.status()).isEqualTo(201);
        String edit = """
                {"name": "Platform, monthly", "scope": {"team": "platform"},
                 "period": {"unit": "MONTH", "timeZone": "UTC"}, "amountUsdMicros": 10000000,
                 "softThresholdsPercent": [50, 80, 90], "hardCap": true}""";
        JsonHttp.Response edited = JsonHttp.send("PUT", policy + "/v1/budgets/platform-monthly", edit,
                "If-Match", "\"1\"", "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        JsonHttp.Response stale = JsonHttp.send("PUT", policy + "/v1/budgets/platform-monthly", edit,
                "If-Match", "\"1\"", "Authorization", TestIssuer.bearerFor("someone-else"));
        assertThat(stale.status()).isEqualTo(412);
        JsonNode versions = JsonHttp.get(policy + "/v1/budgets/platform-monthly/versions").body();
        assertThat(versions.get("versions")).hasSize(2);
        assertThat(versions.get("versions").get(1).get("diff").get(0).get("field").asText())
                .isEqualTo("softThresholdsPercent");

        // Within the cap a check is allowed; five uses of $2 each (1M input tokens at $2/M) reach it exactly.
        assertThat(check(policy, 1_000_000).get("decision").asText()).isEqualTo("ALLOW");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        for (int use = 1; use <= 5; use++) {
            assertThat(postUsage("flow-" + use, now.plusSeconds(use)).status()).isEqualTo(202);
        }

        List<String> kinds = PolicyCalls.await(() -> decisionKinds(),
                found -> found.contains("BUDGET_EXHAUSTED"), WITHIN,
                "the budget decisions to be recorded in the ledger");
        assertThat(kinds).contains("BUDGET_THRESHOLD_CROSSED", "BUDGET_EXHAUSTED");
        assertThat(kinds.stream().filter("BUDGET_THRESHOLD_CROSSED"::equals)).hasSize(3);

        JsonNode denied = PolicyCalls.await(() -> check(policy, 1),
                answer -> "DENY".equals(answer.get("decision").asText()), WITHIN,
                "the check to see the exhausted budget");
        assertThat(denied.get("decidedBy").get("budgetId").asText()).isEqualTo("platform-monthly");

        // Re-rating goes to the ledger's re-pricing: the five uses, priced at $2/M input, at the $3/M of a new card.
        JsonHttp.Response dearer = JsonHttp.send("PUT", policy + "/v1/rate-cards/acme-negotiated", """
                {"provider": "anthropic", "effectiveFrom": "2026-01-01T00:00:00Z",
                 "models": [{"model": "claude-sonnet-4-5", "aliases": ["claude-sonnet-4-5-20250929"],
                   "inputUsdMicrosPerMillionTokens": 3000000, "outputUsdMicrosPerMillionTokens": 10000000,
                   "cacheReadUsdMicrosPerMillionTokens": 200000, "cacheWrite5mUsdMicrosPerMillionTokens": 2500000,
                   "cacheWrite1hUsdMicrosPerMillionTokens": 4000000}]}""", "If-Match", "\"1\"",
                "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(dearer.status()).isEqualTo(200);
        JsonHttp.Response repriced = JsonHttp.send("POST", policy + "/v1/rate-cards/acme-negotiated/repricings",
                """
                {"repricingId": "flow-reprice", "model": "claude-sonnet-4-5-20250929",
                 "occurredFrom": "2026-01-01T00:00:00Z", "occurredTo": "2027-01-01T00:00:00Z",
                 "reason": "the negotiated price ended"}""",
                "Authorization", TestIssuer.bearerFor("olivia"));
        assertThat(repriced.status()).as(repriced.body().toString()).isEqualTo(201);
        assertThat(repriced.body().get("repriced").asLong()).isEqualTo(5);
        assertThat(repriced.body().get("costDeltaUsdMicros").asLong()).isEqualTo(5_000_000);

        JsonNode verification = PolicyCalls.verify(policy, WITHIN);
        assertThat(verification.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode result = verification.get("result");
        assertThat(result.get("mismatchCount").asLong()).as(result.toPrettyString()).isZero();
        assertThat(result.get("missingCount").asLong()).isZero();
        assertThat(result.get("extraCount").asLong()).isZero();
        assertThat(result.get("matches").asLong()).isGreaterThanOrEqualTo(4);
    }

    private static JsonNode check(String policy, long estimatedCostUsdMicros) {
        JsonHttp.Response answer = JsonHttp.send("POST", policy + "/v1/checks", """
                {"team": "platform", "model": "claude-sonnet-4-5", "estimatedCostUsdMicros": %d}"""
                .formatted(estimatedCostUsdMicros));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static JsonHttp.Response postUsage(String id, Instant occurredAt) {
        return JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                {"id": "%s", "occurredAt": "%s", "provider": "anthropic", "model": "claude-sonnet-4-5-20250929",
                 "person": "dana", "team": "platform", "inputTokens": 1000000, "outputTokens": 0}"""
                .formatted(id, occurredAt));
    }

    private static List<String> decisionKinds() {
        JsonNode page = JsonHttp.get(system.url("ledger-service")
                + "/v1/ledger/entries?eventType=PolicyDecisionRecorded&limit=1000").body();
        List<String> kinds = new ArrayList<>();
        page.get("entries").forEach(entry -> kinds.add(entry.get("payload").get("kind").asText()));
        return kinds;
    }
}
