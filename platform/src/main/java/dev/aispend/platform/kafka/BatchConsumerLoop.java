package dev.aispend.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls one topic in batches on its own thread and hands each batch to a {@link BatchHandler}.
 *
 * <p>Why not {@code @KafkaListener}: every micronaut-kafka error strategy ends by skipping the failed record
 * once its retries run out, and a ledger must never skip. Here a failed batch is rewound to its first offsets
 * and retried with a bounded backoff until it succeeds or the service stops: a stuck partition is loud
 * (logs, {@link #consecutiveFailures()} in health) but nothing is lost. Offsets are committed only after the
 * handler returned, so delivery is at-least-once and handlers are idempotent.
 */
public final class BatchConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchConsumerLoop.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerLoopSettings settings;
    private final BatchHandler handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<Instant> lastBatchHandledAt = new AtomicReference<>();
    private volatile boolean running = true;

    public BatchConsumerLoop(ConsumerLoopSettings settings, BatchHandler handler) {
        this.settings = settings;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "consumer-" + settings.groupId() + "-" + settings.topicsText());
    }

    public void start() {
        thread.start();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public Instant lastBatchHandledAt() {
        return lastBatchHandledAt.get();
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    private void run() {
        try {
            consumer.subscribe(settings.topics());
            while (running) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(settings.pollTimeout());
                if (!polled.isEmpty()) {
                    handleWithRetry(toList(polled));
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up: fall through to closing it.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            LOG.error("consumer loop for {} stopped by an unexpected error", settings.topicsText(), unexpected);
        } finally {
            running = false;
            try {
                consumer.close(CLOSE_TIMEOUT);
            } catch (RuntimeException closeFailure) {
                LOG.warn("closing the consumer of {} failed", settings.topicsText(), closeFailure);
            } finally {
                stopped.countDown();
            }
        }
    }

    private void handleWithRetry(List<ConsumerRecord<String, byte[]>> batch) throws InterruptedException {
        while (running) {
            try {
                handler.handle(batch);
                consumer.commitSync();
                consecutiveFailures.set(0);
                lastBatchHandledAt.set(Instant.now());
                return;
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (Exception failure) {
                int failures = consecutiveFailures.incrementAndGet();
                Duration delay = settings.backoff().delayAfter(failures);
                LOG.error("batch of {} records from {} failed ({} in a row); retrying in {} ms",
                        batch.size(), settings.topicsText(), failures, delay.toMillis(), failure);
                rewind(batch);
                // Wait before retrying: the failure is in a dependency (database, broker) that needs time to
                // come back, and retrying at once would only spin. close() ends the wait early.
                if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    /** Seeks every partition in the batch back to its first record, so a later poll sees the batch again. */
    private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            firstOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        firstOffsets.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private static List<ConsumerRecord<String, byte[]>> toList(ConsumerRecords<String, byte[]> polled) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        return batch;
    }

    private static Properties consumerProperties(ConsumerLoopSettings settings) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A crashed member's partitions move to its replacement after this long (Kafka's default is 45 s,
        // a 45 s stall of the ledger after every crash).
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return properties;
    }

    /** Stops polling, lets the batch in hand finish or fail, and closes the consumer. */
    @Override
    public void close() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            if (!stopped.await(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("consumer loop for {} did not stop within {}", settings.topicsText(), CLOSE_TIMEOUT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
