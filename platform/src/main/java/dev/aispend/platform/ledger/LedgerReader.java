package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads ledger.v1 directly, without a consumer group and without committing anything: where its last entry is,
 * and every entry from position 1 in order (redeliveries dropped, gaps refused, as {@link LedgerOrder} does for
 * projections). For jobs that need the ledger itself rather than a projection of it: re-derivation, seeding.
 */
public final class LedgerReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    /** A partition that yields nothing for this long while its end is not reached means the broker is away. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final LedgerPayloadDecoder decoder;

    public LedgerReader(String bootstrapServers, String ledgerTopic, LedgerPayloadDecoder decoder) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.decoder = decoder;
        List<PartitionInfo> infos = consumer.partitionsFor(ledgerTopic, Duration.ofSeconds(30));
        this.partitions = infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
    }

    /** The highest ledger position on the topic now; 0 when it holds no entry. */
    public long tailPosition() throws IOException {
        long tail = 0;
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            if (end == 0) {
                continue;
            }
            consumer.seek(partition, end - 1);
            for (ConsumerRecord<String, byte[]> record : pollUntil(partition, end)) {
                if (!LedgerFollower.isFoundationEntry(record.value())) {
                    tail = Math.max(tail, decoder.envelope(record.value()).position());
                }
            }
        }
        return tail;
    }

    /** Takes the entries of a read one at a time; may throw what decoding them throws. */
    @FunctionalInterface
    public interface EntryConsumer<T> {
        void accept(T entry) throws IOException;
    }

    /**
     * Hands every entry from position 1 through {@code lastPosition} to {@code each}, decoded, in position order,
     * each exactly once. Reads what the topic held when called; fails if {@code lastPosition} is beyond it.
     */
    public void readThrough(long lastPosition, Consumer<LedgerEvent> each) throws IOException {
        readEnvelopesThrough(lastPosition, envelope -> each.accept(decoder.decode(envelope)));
    }

    /**
     * As {@link #readThrough}, but hands each entry's envelope without decoding its payload: for a reader that
     * needs the payloads of a few kinds of entries only ({@link LedgerPayloadDecoder#decode} them).
     */
    public void readEnvelopesThrough(long lastPosition, EntryConsumer<LedgerEnvelope> each) throws IOException {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        consumer.seekToBeginning(partitions);
        long applied = 0;
        long stalledSince = System.nanoTime();
        while (applied < lastPosition) {
            List<LedgerEnvelope> polled = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (!LedgerFollower.isFoundationEntry(record.value())) {
                    polled.add(decoder.envelope(record.value()));
                }
            }
            for (LedgerEnvelope envelope : LedgerOrder.toApplyAfter(applied, polled, LedgerEnvelope::position)) {
                if (envelope.position() > lastPosition) {
                    return;
                }
                each.accept(envelope);
                applied = envelope.position();
                stalledSince = System.nanoTime();
            }
            if (reachedEnd(ends) && applied < lastPosition) {
                throw new IOException("ledger.v1 ends at position " + applied + ", before " + lastPosition);
            }
            if (System.nanoTime() - stalledSince > STALL_LIMIT.toNanos()) {
                throw new IOException("ledger.v1 yielded nothing for " + STALL_LIMIT + " after position " + applied);
            }
        }
    }

    private boolean reachedEnd(Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private List<ConsumerRecord<String, byte[]>> pollUntil(TopicPartition partition, long end) throws IOException {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        while (consumer.position(partition) < end) {
            consumer.poll(POLL).records(partition).forEach(records::add);
            if (System.nanoTime() > deadline) {
                throw new IOException("could not read the last entry of " + partition);
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
