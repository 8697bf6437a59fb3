package dev.aispend.bench;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's append stage alone: N usage records put on usage.v1 directly, as ingest writes them (the producer
 * limit's records, with ids and a time of use of this run), much faster than the ledger appends them, so the ledger
 * drains a backlog: records consumed from Kafka, priced, sealed, committed, at the rate its head moves. Its own
 * intake timer gives the same records per second of its busy time.
 */
final class AppendPhase {
    private static final String USAGE_TOPIC = "usage.v1";

    private AppendPhase() {
    }

    static Map<String, Object> run(HttpClient client, RunOptions options, long seed) throws Exception {
        RunOptions.Urls urls = options.urls();
        String idPrefix = "append-" + Long.toHexString(seed) + "-";
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        int records = options.appendRecords();
        IntakeTimer intake = IntakeTimer.start(client, urls.ledger());
        try (LedgerHeadSampler head = new LedgerHeadSampler(client, urls.ledger())) {
            long start = head.startPosition();
            System.out.printf("  putting %,d usage records on %s (ledger head at %,d)...%n", records, USAGE_TOPIC,
                    start);
            long producedNanos = KafkaProducerCeiling.produce(urls.kafka(), records, index -> new ProducerRecord<>(
                    USAGE_TOPIC, KafkaProducerCeiling.UsageRecordTemplate.team(index),
                    KafkaProducerCeiling.UsageRecordTemplate.value(idPrefix, occurredAt, index)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.visibleTimeoutSeconds());
            while (head.lastPosition() < start + records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the ledger appended " + (head.lastPosition() - start) + " of "
                            + records + " records within " + options.visibleTimeoutSeconds() + " s");
                }
                // The head sampler polls every 100 ms; the ledger's head is only observable by asking.
                Thread.sleep(50);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("records", records);
            figures.put("producedSeconds", producedNanos / 1e9);
            figures.put("positionsAppended", head.lastPosition() - start);
            figures.put("positionsPerSecond", head.appendRate());
            figures.put("intake", intake.figures());
            return figures;
        }
    }
}
