package dev.aispend.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * How fast this machine's broker takes usage records from one producer configured as ingest's intake producer
 * ({@code kafka.producers.intake}: acks all, idempotence, linger 2 ms, string keys, JSON bytes as values): the
 * ceiling ingest's own publishing cannot pass, measured on a scratch topic with usage.v1's partition count.
 */
public final class KafkaProducerCeiling {
    static final String TOPIC = "bench.producer-ceiling";
    static final int MAX_RECORDS = 10_000_000;
    private static final String USAGE_TOPIC = "usage.v1";
    /** ingest's usage-topic-partitions default, for a broker where usage.v1 cannot be described. */
    private static final int FALLBACK_PARTITIONS = 3;
    /** Ingest keys usage by team; the demo month has ten teams. */
    private static final int TEAMS = 10;
    /**
     * Records sent and not yet acknowledged, at most: about 12 MB of values, inside the producer's 32 MB buffer
     * (so send() never waits out max.block.ms), and acknowledged within the 10 s delivery timeout at any rate above
     * 2,000 records per second.
     */
    private static final int MAX_IN_FLIGHT_RECORDS = 20_000;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    /** Every record is acknowledged or failed within delivery.timeout.ms of its send; this adds a margin. */
    private static final long LAST_ACKNOWLEDGEMENT_TIMEOUT_SECONDS = 60;
    /** Between two looks whether the deleted scratch topic is gone: the broker deletes it in the background. */
    private static final long TOPIC_GONE_POLL_MILLIS = 100;
    private static final double BYTES_PER_MEGABYTE = 1_000_000.0;

    /** @param megabytesPerSecond values only, 10^6 bytes to the megabyte */
    public record Result(long records, int recordBytes, int partitions, double seconds, double recordsPerSecond,
                         double megabytesPerSecond) {
    }

    private KafkaProducerCeiling() {
    }

    /** {@code [bootstrap-servers] [records]}: measures once and prints the figures. */
    public static void main(String[] arguments) {
        String bootstrapServers = arguments.length > 0 ? arguments[0] : "localhost:9092";
        int records = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 200_000;
        Result result = measure(bootstrapServers, records);
        System.out.printf("Kafka producer ceiling: %,d records of %,d bytes on %d partitions in %.2f s: "
                        + "%,.0f records/s, %.1f MB/s%n", result.records(), result.recordBytes(), result.partitions(),
                result.seconds(), result.recordsPerSecond(), result.megabytesPerSecond());
    }

    /** Creates the scratch topic, produces {@code records} records, waits for every acknowledgement, deletes it. */
    public static Result measure(String bootstrapServers, int records) {
        if (records < 1 || records > MAX_RECORDS) {
            throw new IllegalArgumentException("records must be 1.." + MAX_RECORDS + ", was " + records);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS)))) {
            int partitions = usagePartitions(admin);
            deleteTopic(admin);
            awaitResult(admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all(), "create");
            try {
                double seconds = produce(bootstrapServers, records, KafkaProducerCeiling::record) / 1e9;
                int recordBytes = UsageRecordTemplate.value(0).length;
                return new Result(records, recordBytes, partitions, seconds, records / seconds,
                        (double) records * recordBytes / seconds / BYTES_PER_MEGABYTE);
            } finally {
                deleteTopic(admin);
            }
        }
    }

    /**
     * Sends {@code record(0)} untimed (the producer's first send waits for the topic's metadata), then
     * {@code record(0..records-1)}; nanoseconds from the first timed send to the last acknowledgement.
     */
    static long produce(String bootstrapServers, int records,
                        IntFunction<ProducerRecord<String, byte[]>> record) {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT_RECORDS);
        CountDownLatch completed = new CountDownLatch(records);
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        AtomicLong lastAcknowledgedNanos = new AtomicLong();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            // One record first, untimed: the producer's first send waits for the new topic's metadata.
            awaitResult(producer.send(record.apply(0)), "send the first record");
            long startNanos = System.nanoTime();
            for (int index = 0; index < records; index++) {
                inFlight.acquire();
                producer.send(record.apply(index), (metadata, failure) -> {
                    if (failure != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                    lastAcknowledgedNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    inFlight.release();
                    completed.countDown();
                });
            }
            if (!completed.await(LAST_ACKNOWLEDGEMENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(completed.getCount() + " records neither acknowledged nor failed");
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " of " + records + " records failed; the first: "
                        + firstFailure.get(), firstFailure.get());
            }
            return lastAcknowledgedNanos.get() - startNanos;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", interrupted);
        }
    }

    /** ingest's kafka.producers.intake, as application.yml sets it. */
    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-ceiling",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 2);
    }

    private static ProducerRecord<String, byte[]> record(int index) {
        return new ProducerRecord<>(TOPIC, UsageRecordTemplate.team(index), UsageRecordTemplate.value(index));
    }

    private static int usagePartitions(Admin admin) {
        try {
            return admin.describeTopics(List.of(USAGE_TOPIC)).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(USAGE_TOPIC).partitions().size();
        } catch (ExecutionException | TimeoutException unknown) {
            return FALLBACK_PARTITIONS;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + USAGE_TOPIC, interrupted);
        }
    }

    /** Deletes the scratch topic if it exists (an earlier run may have died) and waits until the broker forgot it. */
    private static void deleteTopic(Admin admin) {
        if (!topicExists(admin)) {
            return;
        }
        awaitResult(admin.deleteTopics(List.of(TOPIC)).all(), "delete");
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        while (topicExists(admin)) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(TOPIC + " still exists " + ADMIN_TIMEOUT_SECONDS + " s after deletion");
            }
            pause();
        }
    }

    private static boolean topicExists(Admin admin) {
        return awaitResult(admin.listTopics().names(), "list topics").contains(TOPIC);
    }

    private static <T> T awaitResult(Future<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not " + what + " (" + TOPIC + "): " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, interrupted);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(TOPIC_GONE_POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + TOPIC + " to go", interrupted);
        }
    }

    /**
     * A usage.v1 record as ingest writes it (contracts' UsageRecord through Micronaut serde: ISO instants, absent
     * fields left out, SPEND accounting left out), with the record's index in its id, request and session.
     */
    static final class UsageRecordTemplate {
        private static final String PREFIX = "{\"usageRecordId\":\"ceiling-";
        private static final String AFTER_ID = "\",\"occurredAt\":\"2025-11-24T14:03:27.512Z\","
                + "\"receivedAt\":\"2025-11-24T14:03:28.004716Z\",\"source\":\"api\",\"team\":\"";
        private static final String AFTER_TEAM = "\",\"personRef\":\"prs_5f0c2a9e71b34d8c0e6a1f2b93d47c18\","
                + "\"model\":\"claude-sonnet-4-5-20250929\",\"tokens\":{\"inputTokens\":18432,\"outputTokens\":1207,"
                + "\"cacheReadTokens\":96214,\"cacheWrite5mTokens\":4096,\"cacheWrite1hTokens\":0,"
                + "\"reasoningTokens\":512},\"provider\":\"anthropic\",\"costCenter\":\"cc-4410-platform\","
                + "\"purpose\":\"code-review\",\"sessionId\":\"sess-";
        private static final String AFTER_SESSION = "\",\"requestId\":\"req_";
        private static final String SUFFIX = "\",\"reportedCostUsdMicros\":148213}";

        private UsageRecordTemplate() {
        }

        static String team(int index) {
            return "bench-team-" + (index % TEAMS);
        }

        /** The same length for every index below 10^8 (zero-padded), so one record's size is every record's. */
        static byte[] value(int index) {
            return value(PREFIX, AFTER_ID, index);
        }

        /**
         * The same record with ids {@code <idPrefix>NNNNNNNN} and the time of use {@code occurredAt}: records the
         * ledger has not seen, for the benchmark's append phase.
         */
        static byte[] value(String idPrefix, Instant occurredAt, int index) {
            return value("{\"usageRecordId\":\"" + idPrefix, "\",\"occurredAt\":\"" + occurredAt
                    + "\",\"receivedAt\":\"" + occurredAt + "\",\"source\":\"api\",\"team\":\"", index);
        }

        private static byte[] value(String prefix, String afterId, int index) {
            String digits = Integer.toString(index);
            // Padded by hand: String.format would cost the sending thread more than the send itself.
            String number = "00000000".substring(Math.min(digits.length(), 8)) + digits;
            return (prefix + number + afterId + team(index) + AFTER_TEAM + number + AFTER_SESSION + number
                    + SUFFIX).getBytes(StandardCharsets.UTF_8);
        }
    }
}
