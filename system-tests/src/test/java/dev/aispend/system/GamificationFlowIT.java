package dev.aispend.system;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's gamification walk on the whole running system, through ingest's real APIs: the default badges and
 * anomaly rules are seeded at first start; a team explores and earns usage badges, another is switched to OUTCOME
 * by hand, the first switches on its own on adoption; outcome badges follow the merged PRs; the gamer is flagged,
 * a reviewer clears the flag with an actor; re-derivation finds every decision again, the clearing included.
 */
class GamificationFlowIT {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        // The default rate cards price the spend (the gamer's $66), the default rules judge it.
        system = RunningSystem.start("gamificationflow", Map.of("policy-service", Map.of(
                "POLICY_SEED_RATE_CARDS", "true", "POLICY_SEED_GAMIFICATION", "true", "POLICY_SEED_INITIAL_DELAY",
                "1s")));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void usage_badges_then_a_switch_then_outcome_badges_and_a_gamer_flagged_and_cleared() {
        String policy = system.url("policy-service");
        PolicyCalls.awaitSeededDefaults(policy, WITHIN);
        for (String person : List.of("ana:mobile", "ben:mobile", "carol:web", "dave:web")) {
            String name = person.split(":")[0];
            assertThat(JsonHttp.post(ingest("/v1/directory/people"), """
                    {"person": "%s@example.com", "team": "%s", "validFrom": "2026-01-01T00:00:00Z",
                     "aliases": {"email": ["%s@example.com"], "githubLogin": ["%s-gh"]}}"""
                    .formatted(name, person.split(":")[1], name, name)).status()).isBetween(200, 202);
        }
        assertThat(JsonHttp.send("POST", policy + "/v1/phases", """
                {"id": "phase-mobile", "team": "mobile", "phase": "EXPLORATION",
                 "automatic": {"adoptionPercent": 100, "consecutiveWeeks": 2}}""",
                "Authorization", TestIssuer.bearerFor("olivia"))
                .status()).isEqualTo(201);
        use("walk-1", "2026-10-05T09:00:00Z", "ana", "claude-sonnet-4-5", 20_000, 2_000);
        use("walk-2", "2026-10-05T10:00:00Z", "ben", "claude-haiku-4-5", 20_000, 2_000);
        use("walk-3", "2026-10-06T09:00:00Z", "ana", "claude-haiku-4-5", 20_000, 2_000);
        // Weeks close by the entries' times, and ingest's partitions reach the ledger in any order: each week is
        // recorded before the next is sent, as weeks come one after the other in real use.
        PolicyCalls.await(() -> awards("?team=mobile"), ids -> ids.size() == 3, WITHIN, "week 41's badges");
        use("walk-4", "2026-10-12T09:00:00Z", "ana", "claude-sonnet-4-5", 20_000, 2_000);
        use("walk-5", "2026-10-13T09:00:00Z", "ben", "claude-sonnet-4-5", 20_000, 2_000);
        use("walk-6", "2026-10-14T23:00:00Z", "dave", "claude-sonnet-4-5", 2_000_000, 4_000_000);
        PolicyCalls.await(() -> awards("?team=mobile"), ids -> ids.size() == 4, WITHIN, "the usage badges");
        PolicyCalls.await(() -> awards("?team=web"), ids -> ids.size() == 1, WITHIN, "dave's week 42 recorded");

        assertThat(JsonHttp.send("POST", policy + "/v1/phases", """
                {"id": "phase-web", "team": "web", "phase": "OUTCOME"}""",
                "Authorization", TestIssuer.bearerFor("olivia"))
                .status()).isEqualTo(201);
        use("walk-7", "2026-10-19T09:00:00Z", "ana", "claude-opus-4-1", 20_000, 2_000);
        merged("walk-pr-1", "2026-10-20T15:00:00Z", "carol");
        merged("walk-pr-2", "2026-10-21T15:00:00Z", "ben");

        JsonNode phases = PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/team-phases").body(),
                body -> body.get("phases").size() == 2, WITHIN, "both teams in OUTCOME");
        List<String> how = new ArrayList<>();
        phases.get("phases").forEach(phase -> how.add(phase.get("team").asText() + ":" + phase.get("how").asText()));
        assertThat(how).containsExactly("mobile:AUTOMATIC", "web:MANUAL");
        List<String> awarded = PolicyCalls.await(() -> awards(""), ids -> ids.size() == 7, WITHIN,
                "the outcome badges");
        assertThat(awarded).filteredOn(id -> id.contains("badge-ai-assisted-merges")).hasSize(2);
        assertThat(awarded).noneMatch(id -> id.contains("badge-model-explorer") && id.endsWith(":SILVER"));

        JsonNode flags = PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/flags").body(),
                body -> body.get("flags").size() == 1, WITHIN, "the gamer's flag");
        assertThat(flags.get("underReviewUsdMicros").asLong()).isEqualTo(66_000_000);
        String flag = flags.get("flags").get(0).get("decisionId").asText();
        assertThat(flag).startsWith("ANOMALY_FLAGGED:anomaly-spend-without-outcomes:").endsWith(":2026-W42");
        assertThat(JsonHttp.send("POST", policy + "/v1/flags/" + flag + "/clearance",
                "{\"reason\": \"a one-off data migration\"}", "Authorization", TestIssuer.bearerFor("rita")).status())
                .isEqualTo(202);
        JsonNode cleared = PolicyCalls.await(() -> JsonHttp.get(policy + "/v1/flags/" + flag).body(),
                body -> !body.get("clearedBy").isNull(), WITHIN, "the clearing recorded");
        assertThat(cleared.get("clearedBy").asText()).isEqualTo("rita");

        JsonNode result = PolicyCalls.verify(policy, WITHIN).get("result");
        assertThat(result.get("mismatchCount").asLong() + result.get("missingCount").asLong()
                + result.get("extraCount").asLong()).as(result.toPrettyString()).isZero();
        assertThat(result.get("matches").asLong()).isEqualTo(11);
    }

    private static void use(String id, String at, String person, String model, long input, long output) {
        assertThat(JsonHttp.post(ingest("/v1/usage"), """
                {"id": "%s", "occurredAt": "%s", "person": "%s@example.com", "model": "%s",
                 "inputTokens": %d, "outputTokens": %d}""".formatted(id, at, person, model, input, output))
                .status()).isEqualTo(202);
    }

    private static void merged(String id, String at, String person) {
        assertThat(JsonHttp.post(ingest("/v1/outcomes"), """
                {"id": "%s", "kind": "pull_request_merged", "occurredAt": "%s",
                 "aliases": {"githubLogin": "%s-gh"}, "repository": "acme/app", "number": 1,
                 "aiAssistance": {"coAuthoredBy": ["Claude <noreply@anthropic.com>"]}}"""
                .formatted(id, at, person)).status()).isEqualTo(202);
    }

    private static List<String> awards(String query) {
        List<String> ids = new ArrayList<>();
        JsonHttp.get(system.url("policy-service") + "/v1/badge-awards" + query).body().get("awards")
                .forEach(award -> ids.add(award.get("decisionId").asText()));
        return ids;
    }

    private static String ingest(String path) {
        return system.url("ingest-service") + path;
    }
}
