package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How fast the system goes through its own history, in entries per second: the ledger's verification of the whole
 * ledger, policy-service's re-derivation of every recorded decision, report-service's rebuild of its read models
 * (with the digests of the rebuilt and the replaced generation compared), and the ledger replay that rebuild asked
 * for. Each figure is timed by the service's own clock where its status has one; {@code clientSeconds} is the
 * wall time the benchmark saw, polls included. Note that a rebuild also appends the ledger's record of its replay
 * and makes the rebuilt generation serve reports.
 */
final class HistoryRates {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Between two polls: short against what is timed, long enough not to load the services. */
    private static final long POLL_PAUSE_MILLIS = 150;

    private final HttpClient client;
    private final Duration timeoutPerStep;

    private HistoryRates(HttpClient client, Duration timeoutPerStep) {
        this.client = client;
        this.timeoutPerStep = timeoutPerStep;
    }

    /** Entries an operation went through and the milliseconds it took. */
    record Rate(long entries, long elapsedMillis) {
        static Rate between(long entries, String startedAt, String finishedAt) {
            return new Rate(entries, Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)).toMillis());
        }

        /** Over at least a millisecond, as the services compute theirs, rounded to a tenth. */
        double entriesPerSecond() {
            return Math.round(entries * 10_000.0 / Math.max(1, elapsedMillis)) / 10.0;
        }

        Map<String, Object> toMap() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("entries", entries);
            figures.put("seconds", elapsedMillis / 1000.0);
            figures.put("entriesPerSecond", entriesPerSecond());
            return figures;
        }
    }

    static Map<String, Object> measure(HttpClient client, String ledgerUrl, String policyUrl, String reportUrl,
                                       Duration timeoutPerStep) throws IOException, InterruptedException {
        HistoryRates rates = new HistoryRates(client, timeoutPerStep);
        Map<String, Object> figures = new LinkedHashMap<>();
        Followed verification = rates.follow("ledger verification", ledgerUrl + "/v1/ledger/verifications", "id",
                status -> !status.path("state").asText().matches("QUEUED|RUNNING"));
        figures.put("ledgerVerification", printed("ledger verification",
                verification.withClientSeconds(ledgerVerificationFigures(verification.status()))));
        Followed decisions = rates.follow("decision verification", policyUrl + "/v1/decisions/verifications",
                "verificationId", status -> !status.path("status").asText().equals("RUNNING"));
        figures.put("decisionVerification", printed("decision verification",
                decisions.withClientSeconds(decisionVerificationFigures(decisions.status()))));
        int serving = servingGeneration(rates.send("report rebuild", rates.get(reportUrl + "/v1/reports/rebuilds"),
                200));
        Followed rebuild = rates.follow("report rebuild", reportUrl + "/v1/reports/rebuilds", "generation",
                HistoryRates::rebuildFinished);
        figures.put("reportRebuild", rates.rebuildFigures(reportUrl, rebuild, serving));
        figures.put("ledgerReplay", rates.ledgerReplay(ledgerUrl, rebuild.status()));
        return figures;
    }

    /** A job's last status and the wall time the client saw from its start, polls included. */
    private record Followed(JsonNode status, long clientMillis) {
        Map<String, Object> withClientSeconds(Map<String, Object> figures) {
            figures.put("clientSeconds", clientMillis / 1000.0);
            return figures;
        }
    }

    /** Starts a job with an empty POST to {@code url}, then polls {@code url/<its id>} until it has finished. */
    private Followed follow(String step, String url, String idField, Predicate<JsonNode> finished)
            throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        JsonNode started = send(step, post(url), 202);
        JsonNode status = poll(step, url + "/" + started.path(idField).asText(), finished);
        return new Followed(status, (System.nanoTime() - startNanos) / 1_000_000);
    }

    static Map<String, Object> ledgerVerificationFigures(JsonNode status) {
        requireState("ledger verification", status, "state", "COMPLETED");
        JsonNode report = status.path("report");
        Map<String, Object> figures = new Rate(report.path("verifiedEntries").asLong(),
                report.path("elapsedMillis").asLong()).toMap();
        figures.put("verified", report.path("verified").asBoolean());
        figures.put("checkpointsVerified", report.path("checkpointsVerified").asLong());
        if (report.hasNonNull("damage")) {
            figures.put("damage", report.path("damage").asText());
            figures.put("firstBadPosition", report.path("firstBadPosition").asLong());
        }
        return figures;
    }

    /**
     * Entries are the ledger positions re-derived; {@code entriesRead} is the service's count, which reads the
     * ledger twice (recorded decisions first, then the replay into a fresh evaluator).
     */
    static Map<String, Object> decisionVerificationFigures(JsonNode status) {
        requireState("decision verification", status, "status", "COMPLETED");
        JsonNode result = status.path("result");
        long positions = result.path("toPosition").asLong() - result.path("fromPosition").asLong() + 1;
        Map<String, Object> figures = Rate.between(positions, status.path("requestedAt").asText(),
                status.path("finishedAt").asText()).toMap();
        figures.put("entriesRead", result.path("entriesRead").asLong());
        figures.put("matches", result.path("matches").asLong());
        figures.put("mismatches", result.path("mismatchCount").asLong());
        figures.put("missing", result.path("missingCount").asLong());
        figures.put("extra", result.path("extraCount").asLong());
        return figures;
    }

    /** Serving and compared: the comparison is written just after the switch, in the same tick. */
    static boolean rebuildFinished(JsonNode status) {
        return switch (status.path("state").asText()) {
            case "BUILDING" -> false;
            case "ACTIVE", "RETIRED" -> status.hasNonNull("comparison");
            default -> true;
        };
    }

    /** The generation serving now, from GET /v1/reports/rebuilds (every generation, newest first). */
    static int servingGeneration(JsonNode generations) {
        for (JsonNode generation : generations) {
            if (generation.path("state").asText().equals("ACTIVE")) {
                return generation.path("generation").asInt();
            }
        }
        throw new IllegalStateException("report rebuild: no generation is ACTIVE: " + generations);
    }

    private Map<String, Object> rebuildFigures(String reportUrl, Followed rebuild, int replacedGeneration)
            throws IOException, InterruptedException {
        Map<String, Object> figures = rebuild.withClientSeconds(rebuildStatusFigures(rebuild.status()));
        figures.put("replacedGeneration", replacedGeneration);
        // The rebuilt generation against the one it replaced, read as any client reads them, as of the position
        // at which the replaced one stopped (both have applied it; the rebuilt one has gone on since).
        String digests = reportUrl + "/v1/reports/digests?asOf=" + figures.get("comparedPosition") + "&generation=";
        JsonNode rebuilt = send("report digests", get(digests + figures.get("generation")), 200);
        JsonNode replaced = send("report digests", get(digests + replacedGeneration), 200);
        figures.put("digestsEqual", digestsEqual(rebuilt, replaced));
        return printed("report rebuild", figures);
    }

    /** Every read model's digest and row count alike; the asOf parts differ by generation. */
    static boolean digestsEqual(JsonNode first, JsonNode second) {
        return first.path("readModels").size() > 0 && first.path("readModels").equals(second.path("readModels"));
    }

    /** Entries are the positions the rebuild applied from its replays (1..targetPosition), until it served. */
    static Map<String, Object> rebuildStatusFigures(JsonNode status) {
        String state = status.path("state").asText();
        if (!state.equals("ACTIVE") && !state.equals("RETIRED")) {
            throw new IllegalStateException("report rebuild ended " + state + ": " + status);
        }
        Map<String, Object> figures = Rate.between(status.path("targetPosition").asLong(),
                status.path("startedAt").asText(), status.path("activatedAt").asText()).toMap();
        figures.put("generation", status.path("generation").asInt());
        JsonNode comparison = status.path("comparison");
        figures.put("comparedPosition", comparison.path("position").asLong());
        figures.put("serviceDigestsEqual", comparison.path("equal").asBoolean());
        return figures;
    }

    /** The replay the rebuild asked for (its last, if it asked in chunks): the ledger's publishing rate. */
    private Map<String, Object> ledgerReplay(String ledgerUrl, JsonNode rebuild)
            throws IOException, InterruptedException {
        String replayId = rebuild.path("replayId").asText("none");
        if (replayId.equals("none")) {
            // No replay of our own instead: it would append a ReplayRequested entry to the ledger, and its topic
            // (ledger-replay.v1 by default) is for compliance readers. The keys stay, null, for any reader.
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("entries", null);
            figures.put("seconds", null);
            figures.put("entriesPerSecond", null);
            figures.put("measured", false);
            figures.put("reason", "the rebuild asked the ledger for no replay (it had nothing to replay)");
            System.out.println("history ledger replay: not measured: " + figures.get("reason"));
            return figures;
        }
        JsonNode status = poll("ledger replay", ledgerUrl + "/v1/ledger/replays/" + replayId,
                answer -> !answer.path("state").asText().equals("RUNNING"));
        return printed("ledger replay", ledgerReplayFigures(status));
    }

    static Map<String, Object> ledgerReplayFigures(JsonNode status) {
        requireState("ledger replay", status, "state", "COMPLETED");
        Map<String, Object> figures = Rate.between(status.path("published").asLong(),
                status.path("startedAt").asText(), status.path("finishedAt").asText()).toMap();
        figures.put("measured", true);
        figures.put("replayId", status.path("id").asText());
        figures.put("fromPosition", status.path("fromPosition").asLong());
        figures.put("toPosition", status.path("toPosition").asLong());
        if (status.path("fromPosition").asLong() > 1) {
            figures.put("note", "the last of the rebuild's replays (it asks in chunks of "
                    + "REPORT_REBUILD_REPLAY_CHUNK_ENTRIES positions)");
        }
        return figures;
    }

    private static void requireState(String step, JsonNode status, String field, String expected) {
        if (!status.path(field).asText().equals(expected)) {
            throw new IllegalStateException(step + " ended " + status.path(field).asText() + ": " + status);
        }
    }

    private static Map<String, Object> printed(String step, Map<String, Object> figures) {
        System.out.printf("history %-21s %,d entries in %.3f s: %,.1f entries/s %s%n", step + ":",
                (long) figures.get("entries"), (double) figures.get("seconds"),
                (double) figures.get("entriesPerSecond"), figures);
        return figures;
    }

    private JsonNode poll(String step, String url, Predicate<JsonNode> finished)
            throws IOException, InterruptedException {
        long deadlineNanos = System.nanoTime() + timeoutPerStep.toNanos();
        JsonNode status = send(step, get(url), 200);
        while (!finished.test(status)) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new IllegalStateException(step + ": not finished within " + timeoutPerStep
                        + "; last status " + status);
            }
            Thread.sleep(POLL_PAUSE_MILLIS);
            status = send(step, get(url), 200);
        }
        return status;
    }

    private JsonNode send(String step, HttpRequest request, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(step + ": " + request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest get(String url) {
        return builder(url).GET().build();
    }

    /** An empty JSON object: every one of these POSTs means "everything, as it is now" without a field. */
    private HttpRequest post(String url) {
        return builder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private HttpRequest.Builder builder(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", BenchCredentials.bearer())
                .timeout(timeoutPerStep);
    }
}
