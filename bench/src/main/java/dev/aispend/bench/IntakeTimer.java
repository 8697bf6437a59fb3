package dev.aispend.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's own timer of its intake over a phase (at its /prometheus, read when the phase starts and when it
 * ends): the records it committed, in how many batches, the seconds it spent decoding, appending (sealing included)
 * and committing them, and so the records per second of its busy time, without the time it waits for Kafka.
 */
final class IntakeTimer {
    private static final String RECORDS = "aispend_ledger_intake_batch_records_sum";
    private static final String BATCHES = "aispend_ledger_intake_batch_records_count";
    private static final String BUSY_SECONDS = "aispend_ledger_intake_batch_duration_seconds_sum";
    private static final List<String> SERIES = List.of(RECORDS, BATCHES, BUSY_SECONDS);

    private final HttpClient client;
    private final String ledgerUrl;
    private final Map<String, Double> atStart;

    private IntakeTimer(HttpClient client, String ledgerUrl, Map<String, Double> atStart) {
        this.client = client;
        this.ledgerUrl = ledgerUrl;
        this.atStart = atStart;
    }

    static IntakeTimer start(HttpClient client, String ledgerUrl) throws IOException, InterruptedException {
        return new IntakeTimer(client, ledgerUrl, PrometheusScrape.read(client, ledgerUrl, SERIES));
    }

    /** What the intake did since {@link #start}. */
    Map<String, Object> figures() throws IOException, InterruptedException {
        Map<String, Double> delta = PrometheusScrape.difference(PrometheusScrape.read(client, ledgerUrl, SERIES),
                atStart);
        double busySeconds = delta.get(BUSY_SECONDS);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", delta.get(RECORDS).longValue());
        figures.put("batches", delta.get(BATCHES).longValue());
        figures.put("busySeconds", busySeconds);
        figures.put("recordsPerBusySecond", busySeconds > 0 ? delta.get(RECORDS) / busySeconds : 0);
        return figures;
    }
}
