package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are pseudonymous downstream of ingest (DESIGN.md invariant 6, docs/security.md): after a full working day
 * of the four services with people named by their emails ({@link PrivacyFlow}), nothing the run stored, published
 * or logged holds an email address, a bearer token or an API key: every record of every topic of the run, every
 * value of every table of every service's database (the ledger's stored payloads among them), every line of every
 * service's log ({@link RunContents}, {@link PrivacyScan}). The failure names each hit and where it is.
 */
class PrivacyScanIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final String RUN = "privacy";
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        deleteLogsOfEarlierRuns();
        // Every service logs at DEBUG: what a request carries must stay out of the logs at every level an operator
        // may turn on, not only at the default INFO.
        Map<String, String> debug = Map.of("LOG_LEVEL", "DEBUG");
        system = RunningSystem.start(RUN, Map.of("ingest-service", Map.of(
                "INGEST_GITHUB_WEBHOOK_SECRET", PrivacyFlow.GITHUB_SECRET,
                // The LiteLLM and GitHub fixtures keep the dates of the documented examples they copy (2024-2025).
                "INGEST_MAX_RECORD_AGE", "3650d", "INGEST_MAX_BACKFILL_AGE", "3650d", "LOG_LEVEL", "DEBUG"),
                "ledger-service", debug, "policy-service", debug, "report-service", debug));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void no_email_token_or_api_key_is_stored_published_or_logged_anywhere_after_a_full_flow() {
        PrivacyFlow flow = new PrivacyFlow(system);
        flow.recordTheDirectory();
        flow.sendUsageAndOutcomes();
        flow.issueAnApiKey();
        flow.sendClientFormats();
        flow.changeABudgetAndReadAReport();
        JsonNode reidentified = flow.reidentifyAlice();
        assertThat(reidentified.toString()).contains("\"person\":\"alice@example.com\"", "a.smith@example.com");

        long position = awaitEverythingRecordedAndFollowed(flow, reidentified.get("reidentificationId").asText());

        List<String> secrets = secretsOfTheRun(flow);
        assertTheScanFindsWhatTheFlowSent(reidentified, secrets);
        PrivacyScan scan = new PrivacyScan(secrets);
        long records = RunContents.kafka(RunningSystem.topicPrefix(RUN), scan);
        long rows = RunContents.databases(system, scan);
        long lines = RunContents.logs(RunningSystem.logDirectory(RUN), scan);
        assertThat(records).as("records read").isGreaterThanOrEqualTo(position);
        assertThat(rows).as("rows read").isPositive();
        assertThat(lines).as("log lines read").isPositive();
        assertThat(scan.findings()).as(scan.report()).isEmpty();
    }

    /**
     * A control: the scan finds the emails of the re-identification's answer and the credentials of the run, as
     * they are and encoded as the services store them, so an empty scan below means absent, not unseen.
     */
    private static void assertTheScanFindsWhatTheFlowSent(JsonNode reidentified, List<String> secrets) {
        PrivacyScan control = new PrivacyScan(secrets);
        String answer = reidentified.toString();
        control.scan("answer", answer);
        control.scan("answer in base64", Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)));
        control.scan("answer in hex", "\\x" + HexFormat.of().formatHex(answer.getBytes(StandardCharsets.UTF_8)));
        secrets.forEach(secret -> control.scan("secret", "Authorization: Bearer " + secret));
        assertThat(control.findings()).extracting(PrivacyScan.Finding::where).contains("answer",
                "answer in base64 (base64-decoded)", "answer in hex (hex-decoded)");
        assertThat(control.findings()).filteredOn(finding -> finding.where().equals("secret"))
                .hasSizeGreaterThanOrEqualTo(secrets.size());
        assertThat(control.findings()).extracting(PrivacyScan.Finding::match).contains("alice@example.com",
                "a.smith@example.com");
    }

    /**
     * Waits until the ledger recorded the re-identification and everything sent before it that this test waits
     * for, and until policy-service and report-service applied it (a follower that could not read the new entry
     * type would stop there); returns the re-identification's position.
     */
    private static long awaitEverythingRecordedAndFollowed(PrivacyFlow flow, String reidentificationId) {
        String ledger = system.url("ledger-service") + "/v1/ledger/entries?limit=1000&eventType=";
        for (String type : List.of("SpendRecorded", "UsageEvidenceRecorded", "OutcomeRecorded", "PolicyChanged",
                "PersonReidentified")) {
            Wait.until(type + " in the ledger", WITHIN,
                    () -> JsonHttp.get(ledger + type, "Authorization", flow.auditor()).body().get("entries")
                            .size() > 0);
        }
        JsonNode act = JsonHttp.get(ledger + "PersonReidentified", "Authorization", flow.auditor()).body()
                .get("entries").get(0);
        assertThat(act.at("/payload/reidentificationId").asText()).isEqualTo(reidentificationId);
        assertThat(act.at("/payload/actor").asText()).isEqualTo("carl");
        assertThat(act.at("/payload/reason").asText()).isEqualTo("expense dispute, ticket FIN-2041");
        long position = act.get("position").asLong();
        String policy = system.url("policy-service") + "/v1/teams/platform/spend";
        Wait.until("policy-service past ledger position " + position, WITHIN, () -> JsonHttp.get(policy,
                "Authorization", flow.auditor()).body().path("asOfLedgerPosition").asLong() >= position);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String report = system.url("report-service") + "/v1/reports/spend?from=" + today.minusDays(1) + "&to="
                + today;
        Wait.until("report-service past ledger position " + position, WITHIN, () -> JsonHttp.get(report,
                "Authorization", flow.auditor()).body().at("/asOf/ledgerPosition").asLong() >= position);
        JsonNode verified = JsonHttp.get(system.url("ledger-service") + "/v1/ledger/verify", "Authorization",
                flow.auditor()).body();
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
        return position;
    }

    /**
     * Every secret of the run: the bearer tokens and the API key the flow sent, the GitHub webhook secret, and what
     * the run configured (the pseudonym and directory keys, the ledger's signing key, report-service's token).
     * {@link PrivacyScan#API_KEY} also finds any other key of the API keys' format.
     */
    private static List<String> secretsOfTheRun(PrivacyFlow flow) {
        List<String> secrets = new ArrayList<>(flow.tokensSent());
        secrets.add(PrivacyFlow.GITHUB_SECRET);
        secrets.addAll(system.secrets());
        return secrets;
    }

    /** Service logs are appended to: an earlier run's lines are not this run's to answer for. */
    private static void deleteLogsOfEarlierRuns() {
        Path logs = RunningSystem.logDirectory(RUN);
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
