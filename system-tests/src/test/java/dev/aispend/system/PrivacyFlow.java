package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import dev.aispend.testsupport.security.TestIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day of the system, with people known by their email addresses as real clients send them: the
 * directory (JSON and CSV, email aliases), usage through our JSON API (an email alias, an email as the person key,
 * an unknown email), an outcome, an API key for the machines, which send Claude Code's OTLP metrics and log events
 * with {@code user.email}, a GenAI agent's spans and a LiteLLM callback naming the user's email, a merged pull
 * request from GitHub co-authored by a person, a budget change, a report read and a re-identification. Every call
 * carries the credential a real caller would have; they are remembered, for the scan to look for them.
 */
final class PrivacyFlow {
    static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final Duration KEY_KNOWN_WITHIN = Duration.ofSeconds(60);
    private static final Instant EXPORTED_AT = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    private final RunningSystem system;
    private final List<String> tokens = new ArrayList<>(List.of(TestIssuer.allRoles()));
    private final String admin = bearer("ada", "admin");
    private final String ingestClient = bearer("ci-importer", "ingest-client");
    private final String policyOwner = bearer("dana", "policy-owner");
    private final String auditor = bearer("frank", "finance-auditor");
    private final String compliance = bearer("carl", "compliance-officer");
    /** The API key the telemetry collector and the LiteLLM proxy send ({@link #issueAnApiKey}). */
    private String machineClient;

    PrivacyFlow(RunningSystem system) {
        this.system = system;
    }

    /** Every bearer credential the flow sent: tokens (JsonHttp's all-roles one included) and the API key. */
    List<String> tokensSent() {
        return List.copyOf(tokens);
    }

    void recordTheDirectory() {
        JsonHttp.Response alice = JsonHttp.send("POST", ingest("/v1/directory/people"), """
                {"person": "Alice@Example.com", "team": "platform", "costCenter": "cc-1",
                 "validFrom": "2024-01-01T00:00:00Z", "aliases": {"email": ["alice@example.com",
                 "a.smith@example.com"], "githubLogin": "codertocat"}}""", "Authorization", admin);
        assertThat(alice.status()).as(alice.body() + " " + alice.headers().map()).isEqualTo(201);
        String csv = """
                person,team,validFrom,email,providerAccountId
                bob@example.com,payments,2024-01-01T00:00:00Z,bob@example.com|robert@example.com,user_01BOB
                "Hopper, Grace",research,2024-01-01T00:00:00Z,grace@example.com,
                """;
        assertThat(JsonHttp.post(ingest("/v1/directory/import"), "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "Authorization", admin).status()).isEqualTo(201);
        // The admin's reads name the person in the path and the alias in the query: neither may reach a log.
        assertThat(JsonHttp.get(ingest("/v1/directory/people/alice@example.com"), "Authorization", admin).body()
                .toString()).contains("codertocat");
        assertThat(JsonHttp.get(ingest("/v1/directory/aliases?kind=email&value=bob@example.com"), "Authorization",
                admin).status()).isEqualTo(200);
    }

    void sendUsageAndOutcomes() {
        String recent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String[][] subjects = {{"privacy-api-1", "\"aliases\": {\"email\": \"Alice@Example.com\"}"},
            {"privacy-api-2", "\"person\": \"erin@example.com\", \"team\": \"research\""},
            {"privacy-api-3", "\"aliases\": {\"email\": \"frank.unknown@example.com\"}"}};
        for (String[] subject : subjects) {
            assertThat(JsonHttp.send("POST", ingest("/v1/usage"), """
                    {"id": "%s", "occurredAt": "%s", "provider": "openai", "model": "gpt-4.1", %s,
                     "purpose": "coding", "inputTokens": 1000, "outputTokens": 100}"""
                    .formatted(subject[0], recent, subject[1]), "Authorization", ingestClient).status())
                    .as(subject[0]).isEqualTo(202);
        }
        // A client's own context naming a person by address is refused, naming the field, and nothing is stored.
        JsonHttp.Response refused = JsonHttp.send("POST", ingest("/v1/usage"), """
                {"id": "privacy-api-4", "occurredAt": "%s", "provider": "openai", "model": "gpt-4.1",
                 "aliases": {"email": "grace@example.com"}, "attributes": {"reviewer": "heidi@example.com"},
                 "inputTokens": 1, "outputTokens": 1}""".formatted(recent), "Authorization", ingestClient);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("attributes.reviewer").doesNotContain("heidi");
        assertThat(JsonHttp.send("POST", ingest("/v1/outcomes"), """
                {"id": "privacy-outcome-1", "kind": "deployment", "occurredAt": "%s",
                 "aliases": {"email": "bob@example.com"}, "repository": "acme/payments"}""".formatted(recent),
                "Authorization", ingestClient).status()).isEqualTo(202);
    }

    /** The admin makes an API key for the machines (docs/security.md, "API keys"); every service learns it. */
    void issueAnApiKey() {
        JsonHttp.Response created = JsonHttp.send("POST", ingest("/v1/api-keys"), """
                {"name": "otel collector and litellm proxy", "roles": ["ingest-client"], "expiresAt": "%s"}"""
                .formatted(Instant.now().plus(1, ChronoUnit.DAYS)), "Authorization", admin);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String key = created.body().get("key").asText();
        tokens.add(key);
        machineClient = "Bearer " + key;
        Wait.until("ingest accepting the new API key", KEY_KNOWN_WITHIN,
                () -> JsonHttp.get(ingest("/routes"), "Authorization", machineClient).status() == 200);
    }

    void sendClientFormats() {
        for (String[] export : new String[][] {{"/v1/metrics", "claude-code-metrics-delta.json"},
                {"/v1/logs", "claude-code-logs.json"}, {"/v1/traces", "genai-spans.json"}}) {
            assertThat(JsonHttp.post(ingest(export[0]), "application/json", OtlpFixtures.at(export[1], EXPORTED_AT)
                    .getBytes(StandardCharsets.UTF_8), "Authorization", machineClient).status()).as(export[1])
                    .isEqualTo(200);
        }
        // LiteLLM as a proxy sends it: the key's user email, and a request tag naming a user by address (left out).
        assertThat(JsonHttp.send("POST", ingest("/v1/integrations/litellm"),
                IngestFormatsIT.fixture("litellm/standard-logging-payload.json").replace("[\"purpose:code-review\"]",
                        "[\"purpose:code-review\", \"requested-by:ivan@example.com\"]"), "Authorization",
                machineClient).status()).isEqualTo(200);
        byte[] merged = IngestFormatsIT.fixture("github/pull_request.closed.merged.json")
                .replace("2019-05-15T15:21:18Z", Instant.now().minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString()).getBytes(StandardCharsets.UTF_8);
        assertThat(JsonHttp.post(ingest("/v1/webhooks/github"), "application/json", merged,
                "X-GitHub-Event", "pull_request", "X-GitHub-Delivery", "9f6b4a2e-cc78-11e3-81ab-4c9367dc0958",
                "X-Hub-Signature-256", "sha256=" + IngestFormatsIT.hmacSha256Hex(GITHUB_SECRET, merged),
                "Authorization", "").status()).isEqualTo(202);
    }

    void changeABudgetAndReadAReport() {
        assertThat(JsonHttp.send("POST", system.url("policy-service") + "/v1/budgets", """
                {"id": "platform-monthly", "name": "Platform, monthly", "scope": {"team": "platform"},
                 "period": {"unit": "MONTH", "timeZone": "UTC"}, "amountUsdMicros": 500000000,
                 "softThresholdsPercent": [80], "hardCap": false}""", "Authorization", policyOwner).status())
                .isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonHttp.Response report = JsonHttp.get(system.url("report-service") + "/v1/reports/spend?from="
                + today.minusDays(2) + "&to=" + today + "&groupBy=team,personRef", "Authorization", auditor);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
    }

    /** Re-identifies the person the directory knows by alice@example.com; returns the act's answer. */
    JsonNode reidentifyAlice() {
        String personRef = JsonHttp.get(ingest("/v1/directory/aliases?kind=email&value=alice@example.com"),
                "Authorization", admin).body().get("personRef").asText();
        JsonHttp.Response answer = JsonHttp.send("POST", ingest("/v1/directory/reidentifications"), """
                {"personRef": "%s", "reason": "expense dispute, ticket FIN-2041"}""".formatted(personRef),
                "Authorization", compliance);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** An auditor's {@code Authorization} header value, for the checks after the flow. */
    String auditor() {
        return auditor;
    }

    private String bearer(String subject, String role) {
        String token = TestIssuer.token(subject, role);
        tokens.add(token);
        return "Bearer " + token;
    }

    private String ingest(String path) {
        return system.url("ingest-service") + path;
    }
}
