package dev.aispend.platform.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ledger messages a service has decoded lately, shared by its projections' followers. Each projection reads
 * ledger.v1 on a consumer group of its own (so each can be rebuilt alone), which made a service with three
 * projections decode every entry three times: the envelope's JSON, its base64 payload and the payload's JSON were
 * 60 % of policy-service's CPU samples while the ledger drained a backlog (docs/performance.md). The followers
 * read the same offsets within seconds of each other, so the first one decodes and the others take its result.
 *
 * <p>A slot per offset modulo the capacity, overwritten freely: a miss only costs the decode it saves. A hit needs
 * the same topic, partition and offset AND the same bytes, compared in full, so a topic deleted and created
 * again with the same name (offsets reused) or any other surprise decodes afresh instead of taking a stale entry.
 * Decoded events are immutable records, safe to hand to several threads. Capacity 0 turns the sharing off.
 */
public final class DecodedMessages {
    /** At most this many slots: each holds a message's bytes and its decoded event (a few KiB). */
    public static final int MAX_CAPACITY = 1 << 16;

    private final AtomicReferenceArray<Slot> slots;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private record Slot(String topic, int partition, long offset, byte[] value, LedgerEvent event) {
    }

    public DecodedMessages(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("decoded ledger messages kept: 0 to " + MAX_CAPACITY + ", was "
                    + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** The event decoded from exactly this message (same place, same bytes), or null. */
    public LedgerEvent find(ConsumerRecord<String, byte[]> message) {
        if (slots.length() == 0) {
            return null;
        }
        Slot slot = slots.get(indexOf(message.offset()));
        if (slot != null && slot.offset() == message.offset() && slot.partition() == message.partition()
                && slot.topic().equals(message.topic()) && Arrays.equals(slot.value(), message.value())) {
            hits.increment();
            return slot.event();
        }
        misses.increment();
        return null;
    }

    /** Keeps what {@code message} decoded to, in place of whatever its slot held. */
    public void keep(ConsumerRecord<String, byte[]> message, LedgerEvent event) {
        if (slots.length() == 0 || message.value() == null) {
            return;
        }
        slots.set(indexOf(message.offset()),
                new Slot(message.topic(), message.partition(), message.offset(), message.value(), event));
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private int indexOf(long offset) {
        return (int) Math.floorMod(offset, (long) slots.length());
    }
}
