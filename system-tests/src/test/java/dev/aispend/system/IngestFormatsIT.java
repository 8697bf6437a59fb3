package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client format ingest takes reaches the ledger, through the four services as separate JVMs: our JSON API,
 * the directory, GitHub's signed webhook, OTLP as Claude Code and GenAI-instrumented agents export it, LiteLLM's
 * callback and the providers' report pages, each replayed from the faithful fixtures the ingest tests use.
 */
class IngestFormatsIT {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String RUN = "formats";
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    /** Every OTLP fixture of this run is moved to this instant, so a resend carries the very same points. */
    private static final Instant EXPORTED_AT = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start(RUN, Map.of("ingest-service", Map.of(
                "INGEST_GITHUB_WEBHOOK_SECRET", GITHUB_SECRET,
                // Claude Code's telemetry counts for Anthropic; the gateway and the provider's reports are evidence.
                "INGEST_SOURCE_OF_TRUTH_PROVIDERS_ANTHROPIC", "otlp:claude-code",
                // The fixtures keep the dates of the documented examples they copy (2024-2025).
                "INGEST_MAX_RECORD_AGE", "3650d", "INGEST_MAX_BACKFILL_AGE", "3650d")));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void our_api_and_the_directory_reach_the_ledger_attributed_as_of_the_directory() {
        JsonHttp.Response linked = JsonHttp.post(ingest("/v1/directory/people"), """
                {"person": "dana@example.com", "team": "payments", "costCenter": "cc-7",
                 "validFrom": "2026-01-01T00:00:00Z",
                 "aliases": {"email": "dana@example.com", "githubLogin": "dana-gh"}}""");
        assertThat(linked.status()).isEqualTo(201);
        // OpenAI: our API counts as spend by default (for Anthropic, this run counts only Claude Code telemetry).
        JsonHttp.Response usage = JsonHttp.post(ingest("/v1/usage"), """
                {"id": "formats-api-1", "occurredAt": "%s", "source": "my-gateway", "provider": "openai",
                 "model": "gpt-4.1", "aliases": {"email": "Dana@Example.com"}, "purpose": "coding",
                 "inputTokens": 1000, "outputTokens": 100}""".formatted(recent()));
        assertThat(usage.status()).isEqualTo(202);
        JsonHttp.Response outcome = JsonHttp.post(ingest("/v1/outcomes"), """
                {"id": "formats-outcome-1", "kind": "deployment", "occurredAt": "%s",
                 "aliases": {"githubLogin": "dana-gh"}, "repository": "acme/payments"}""".formatted(recent()));
        assertThat(outcome.status()).isEqualTo(202);

        JsonNode spend = awaitEntry("api:my-gateway", "SpendRecorded");
        assertThat(spend.get("team").asText()).isEqualTo("payments");
        assertThat(spend.get("costCenter").asText()).isEqualTo("cc-7");
        assertThat(spend.get("personRef").asText()).startsWith("prs_");
        assertThat(awaitEntry("api", "OutcomeRecorded").get("personRef").asText())
                .isEqualTo(spend.get("personRef").asText());
        assertThat(awaitEntries("directory", "IdentityLinked")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(link -> assertThat(link.toString()).doesNotContain("dana"));
    }

    @Test
    void a_merged_pull_request_signed_as_github_signs_it_reaches_the_ledger_as_an_outcome() {
        String merged = fixture("github/pull_request.closed.merged.json")
                .replace("2019-05-15T15:21:18Z", recent().toString());
        byte[] body = merged.getBytes(StandardCharsets.UTF_8);

        JsonHttp.Response answer = JsonHttp.post(ingest("/v1/webhooks/github"), "application/json", body,
                "X-GitHub-Event", "pull_request", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "X-Hub-Signature-256", "sha256=" + hmacSha256Hex(GITHUB_SECRET, body));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode outcome = awaitEntry("github", "OutcomeRecorded");
        assertThat(outcome.get("kind").asText()).isEqualTo("pull_request_merged");
        assertThat(outcome.get("repository").asText()).isEqualTo("Codertocat/Hello-World");
        assertThat(outcome.toString()).doesNotContain("Codertocat\"", "codertocat@");
    }

    @Test
    void a_litellm_callback_reaches_the_ledger_as_evidence_where_telemetry_is_the_source_of_truth() {
        JsonHttp.Response answer = JsonHttp.post(ingest("/v1/integrations/litellm"),
                fixture("litellm/standard-logging-payload.json"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode evidence = awaitEntry("litellm", "UsageEvidenceRecorded").get("evidence");
        assertThat(evidence.get("provider").asText()).isEqualTo("anthropic");
        assertThat(evidence.get("reportedCostUsdMicros").asLong()).isPositive();
        assertThat(evidence.toString()).doesNotContain("@");
    }

    @Test
    void provider_report_pages_reach_the_ledger_as_reconciliation_evidence_and_outcomes() {
        assertThat(JsonHttp.post(ingest("/v1/imports/anthropic/usage-report"),
                fixture("anthropic/usage-report-messages.json")).status()).isEqualTo(202);
        assertThat(JsonHttp.post(ingest("/v1/imports/anthropic/cost-report"),
                fixture("anthropic/cost-report.json")).status()).isEqualTo(202);
        assertThat(JsonHttp.post(ingest("/v1/imports/anthropic/claude-code-report"),
                fixture("anthropic/claude-code-report.json")).status()).isEqualTo(202);
        assertThat(JsonHttp.post(ingest("/v1/imports/openai/usage"),
                fixture("openai/usage-completions.json")).status()).isEqualTo(202);
        assertThat(JsonHttp.post(ingest("/v1/imports/openai/costs"),
                fixture("openai/costs.json")).status()).isEqualTo(202);

        for (String source : List.of("anthropic:usage-report", "anthropic:cost-report",
                "anthropic:claude-code-report", "openai:usage", "openai:costs")) {
            assertThat(awaitEntries(source, "UsageEvidenceRecorded")).as(source).isNotEmpty();
        }
        // The report's commits and pull requests describe the work Claude Code's telemetry counts: evidence too.
        assertThat(awaitEntries("anthropic:claude-code-report", "OutcomeRecorded"))
                .allSatisfy(outcome -> assertThat(outcome.get("accounting").asText()).isEqualTo("EVIDENCE"))
                .extracting(outcome -> outcome.get("kind").asText()).contains("commit");
    }

    @Test
    void claude_code_telemetry_and_genai_agents_reach_the_ledger_over_otlp_json() {
        assertThat(postOtlp("/v1/metrics", "claude-code-metrics-delta.json").status()).isEqualTo(200);
        assertThat(postOtlp("/v1/logs", "claude-code-logs.json").status()).isEqualTo(200);
        assertThat(postOtlp("/v1/traces", "genai-spans.json").status()).isEqualTo(200);

        assertThat(awaitEntries("otlp:claude-code", "SpendRecorded"))
                .extracting(spend -> spend.get("sessionId").asText()).isNotEmpty().doesNotContainNull();
        // Claude Code's metrics count; its api_request events describe the same calls, so they are evidence.
        assertThat(awaitEntries("otlp:claude-code", "UsageEvidenceRecorded")).isNotEmpty();
        assertThat(awaitEntries("otlp:claude-code", "OutcomeRecorded"))
                .extracting(outcome -> outcome.get("kind").asText()).contains("commit", "pull_request_created");
        // A GenAI agent's spans count, except where the provider names another source of truth: in this run
        // Anthropic's calls count only from Claude Code, so the agent's Anthropic span is evidence.
        assertThat(awaitEntries("otlp:support-agent", "SpendRecorded"))
                .extracting(spend -> spend.get("provider").asText()).contains("openai").doesNotContain("anthropic");
        assertThat(awaitEntry("otlp:support-agent", "UsageEvidenceRecorded").get("evidence").get("provider")
                .asText()).isEqualTo("anthropic");
    }

    @Test
    void one_use_reported_by_telemetry_a_gateway_and_the_provider_counts_once() {
        // The same calls of team platform: Claude Code's telemetry (sent twice, as an exporter retry would), the
        // LiteLLM proxy it went through, and Anthropic's usage report. Telemetry is this run's source of truth.
        assertThat(postOtlp("/v1/metrics", "claude-code-metrics-delta.json").status()).isEqualTo(200);
        assertThat(postOtlp("/v1/metrics", "claude-code-metrics-delta.json").status()).isEqualTo(200);
        assertThat(JsonHttp.post(ingest("/v1/integrations/litellm"),
                fixture("litellm/standard-logging-payload.json")).status()).isEqualTo(200);
        assertThat(JsonHttp.post(ingest("/v1/imports/anthropic/usage-report"),
                fixture("anthropic/usage-report-messages.json")).status()).isEqualTo(202);
        awaitEntry("litellm", "UsageEvidenceRecorded");
        awaitEntry("anthropic:usage-report", "UsageEvidenceRecorded");
        long head = JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head").body().get("lastPosition")
                .asLong();

        String spendUrl = system.url("policy-service") + "/v1/teams/platform/spend";
        Wait.until("policy at ledger position " + head, WITHIN,
                () -> JsonHttp.get(spendUrl).body().get("asOfLedgerPosition").asLong() >= head);
        JsonNode platform = JsonHttp.get(spendUrl).body();
        // Exactly the telemetry's tokens (claude-code-metrics-delta.json), once: 1200 input, 340 output,
        // 15000 cache reads, 2100 cache writes; the gateway's 14,307 prompt tokens are not added.
        assertThat(platform.get("inputTokens").asLong()).isEqualTo(1200);
        assertThat(platform.get("outputTokens").asLong()).isEqualTo(340);
        assertThat(platform.get("cacheReadTokens").asLong()).isEqualTo(15_000);
        assertThat(platform.get("cacheWrite5mTokens").asLong()).isEqualTo(2100);
    }

    // --- helpers ---

    static JsonHttp.Response postOtlp(String path, String fixture) {
        return JsonHttp.post(ingest(path), "application/json",
                OtlpFixtures.at(fixture, EXPORTED_AT).getBytes(StandardCharsets.UTF_8));
    }

    static String ingest(String path) {
        return system.url("ingest-service") + path;
    }

    static Instant recent() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The payloads of the ledger's entries of one type from one source, once there is at least one. */
    static List<JsonNode> awaitEntries(String source, String eventType) {
        String url = system.url("ledger-service") + "/v1/ledger/entries?limit=500&eventType=" + eventType
                + "&source=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
        Wait.until(eventType + " from " + source + " in the ledger", WITHIN,
                () -> JsonHttp.get(url).body().get("entries").size() > 0);
        List<JsonNode> payloads = new ArrayList<>();
        JsonHttp.get(url).body().get("entries").forEach(entry -> payloads.add(entry.get("payload")));
        return payloads;
    }

    static JsonNode awaitEntry(String source, String eventType) {
        return awaitEntries(source, eventType).get(0);
    }

    static String fixture(String path) {
        try (InputStream in = IngestFormatsIT.class.getClassLoader().getResourceAsStream("fixtures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture fixtures/" + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
