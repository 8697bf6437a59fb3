package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 1 under a real crash: the ledger is killed with SIGKILL while usage keeps arriving, then started
 * again. A kill can fall between the database commit and the Kafka offset commit (usage.v1 is redelivered)
 * or between a ledger.v1 send and the publication cursor update (entries are published twice); either way
 * every accepted record must be counted exactly once.
 */
class LedgerCrashIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final int RECORDS = 600;
    private static final int CLIENTS = 8;
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start("crash");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void loses_and_doubles_nothing_when_the_ledger_is_killed_mid_stream() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> submissions = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int first = client;
            submissions.add(clients.submit(() -> {
                for (int index = first; index < RECORDS; index += CLIENTS) {
                    JsonHttp.Response response = JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                            {"id": "crash-%d", "occurredAt": "2026-10-15T12:00:00Z", "team": "crash-team", \
                            "person": "dora@example.com", "model": "claude-sonnet-4-5", \
                            "inputTokens": %d, "outputTokens": 1}""".formatted(index, index + 1));
                    assertThat(response.status()).isEqualTo(202);
                    accepted.incrementAndGet();
                }
                return null;
            }));
        }
        Wait.until("a third of the records accepted", WITHIN, () -> accepted.get() >= RECORDS / 3);

        system.crashAndRestart("ledger-service");

        for (Future<?> submission : submissions) {
            submission.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();
        long expectedInputTokens = (long) RECORDS * (RECORDS + 1) / 2;
        String policy = system.url("policy-service") + "/v1/teams/crash-team/spend";
        Wait.until("policy counts all " + RECORDS + " records", WITHIN,
                () -> JsonHttp.get(policy).body().get("records").asLong() >= RECORDS);
        JsonNode spend = JsonHttp.get(policy).body();
        assertThat(spend.get("records").asLong()).isEqualTo(RECORDS);
        assertThat(spend.get("inputTokens").asLong()).isEqualTo(expectedInputTokens);
        JsonNode head = JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head").body();
        assertThat(head.get("lastPosition").asLong()).isEqualTo(RECORDS);
        String report = system.url("report-service") + "/v1/reports/spend?from=2026-10-01&to=2026-10-31";
        Wait.until("report at the ledger head", WITHIN,
                () -> JsonHttp.get(report).body().at("/asOf/ledgerPosition").asLong() >= RECORDS);
        JsonNode totals = JsonHttp.get(report).body().get("totals");
        assertThat(totals.get("records").asLong()).isEqualTo(RECORDS);
        assertThat(totals.at("/tokens/input").asLong()).isEqualTo(expectedInputTokens);
    }
}
