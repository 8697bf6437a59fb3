package dev.aispend.ledger.publication;

import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One step of publishing stored entries in ledger order, for the relay to ledger.v1 and for replays alike: read
 * the entries after a position, check they are the gapless run that must follow it, send them all as sealed
 * envelopes (idempotent producer, acks=all) and wait until the broker acknowledged every one.
 */
@Singleton
public final class SealedBatchPublisher {
    private final LedgerEntryStore entries;
    private final LedgerEntryPublisher publisher;

    SealedBatchPublisher(LedgerEntryStore entries, LedgerEntryPublisher publisher) {
        this.entries = entries;
        this.publisher = publisher;
    }

    /**
     * Publishes to {@code topic} the entries after {@code after} up to {@code upTo}, at most {@code limit}, and
     * returns them once acknowledged (empty when there are none yet).
     */
    public List<StoredEntry> publishAfter(String topic, long after, long upTo, int limit, Duration timeout)
            throws InterruptedException {
        List<StoredEntry> batch = new ArrayList<>(limit);
        entries.forEachInRange(after + 1, upTo, limit, batch::add);
        if (batch.isEmpty()) {
            return batch;
        }
        long last = batch.get(batch.size() - 1).position();
        // Post-condition of the read: a gapless run starting right after the position given.
        if (batch.get(0).position() != after + 1 || last != after + batch.size()) {
            throw new IllegalStateException("ledger positions after " + after + " are not contiguous");
        }
        CompletableFuture<?>[] acknowledgements = batch.stream()
                .map(entry -> publisher.publish(topic, entry.kafkaKey(), EnvelopeJson.of(entry)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acknowledgements).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notAcknowledged) {
            throw new IllegalStateException("the broker did not acknowledge positions " + (after + 1) + ".." + last
                    + " on " + topic + "; nothing after position " + after + " counts as published",
                    notAcknowledged);
        }
        return batch;
    }
}
