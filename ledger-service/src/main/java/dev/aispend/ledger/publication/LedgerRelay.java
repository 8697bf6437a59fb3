package dev.aispend.ledger.publication;

import dev.aispend.ledger.LedgerConfiguration;
import dev.aispend.ledger.append.LedgerAppendSignal;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.TopicNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every recorded event to ledger.v1 in ledger order (a transactional-outbox relay over the event
 * store). A batch is read after the cursor, sent, and the cursor advanced only once the broker acknowledged all
 * of it; a crash in between re-sends that batch, which consumers ignore by position. ADR 0002 says why this is
 * not an Axon tracking processor.
 */
@Singleton
public final class LedgerRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final LedgerEntryStore events;
    private final SealedBatchPublisher batchPublisher;
    private final LedgerAppendSignal appendSignal;
    private final LedgerConfiguration.Publication settings;
    private final Backoff backoff;
    private final String ledgerTopic;
    private final Counter publishedCounter;
    private Thread thread;
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean running;
    private volatile int consecutiveFailures;

    LedgerRelay(LedgerEntryStore events, SealedBatchPublisher batchPublisher, LedgerAppendSignal appendSignal,
                LedgerConfiguration configuration, TopicNames topics, MeterRegistry meters) {
        this.events = events;
        this.batchPublisher = batchPublisher;
        this.appendSignal = appendSignal;
        this.settings = configuration.publication();
        if (settings.maxBatchEntries() < 1 || settings.maxBatchEntries() > 10_000) {
            throw new IllegalArgumentException("ledger.publication.max-batch-entries must be within 1..10000");
        }
        this.backoff = new Backoff(Duration.ofMillis(100), settings.retryMaxDelay());
        this.ledgerTopic = topics.ledger();
        this.publishedCounter = meters.counter("aispend.ledger.published");
    }

    /** Starts publishing; again after close() when this instance leads the ledger once more. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the relay is running already");
        }
        running = true;
        stopRequested = new CountDownLatch(1);
        thread = new Thread(this::run, "ledger-relay");
        thread.start();
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private void run() {
        while (running) {
            try {
                long seenAppends = appendSignal.appendsSoFar();
                if (publishNextBatch() == 0) {
                    appendSignal.awaitAppendAfter(seenAppends, settings.idleWait());
                }
                consecutiveFailures = 0;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                consecutiveFailures++;
                Duration delay = backoff.delayAfter(consecutiveFailures);
                LOG.error("publishing to ledger.v1 failed ({} in a row); retrying in {} ms", consecutiveFailures,
                        delay.toMillis(), failure);
                if (!pause(delay)) {
                    return;
                }
            }
        }
    }

    /** Publishes the entries after the cursor; returns how many. */
    int publishNextBatch() throws InterruptedException {
        long cursor = events.head().lastPublishedPosition();
        List<StoredEntry> batch = batchPublisher.publishAfter(ledgerTopic, cursor, Long.MAX_VALUE,
                settings.maxBatchEntries(), ACK_TIMEOUT);
        if (batch.isEmpty()) {
            return 0;
        }
        long last = batch.get(batch.size() - 1).position();
        events.markPublished(cursor, last);
        publishedCounter.increment(batch.size());
        return batch.size();
    }

    /** Backs off while the broker or database recovers; false when close() ended the wait. */
    private boolean pause(Duration delay) {
        try {
            return !stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        stopRequested.countDown();
        appendSignal.wakeUp();
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
