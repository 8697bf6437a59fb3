package dev.aispend.policy.verification;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs re-derivation jobs one at a time on a thread of their own (a job reads the whole ledger). Its state is in
 * the database, so any instance answers its status; a job cut off by a stop is marked FAILED at the next start.
 */
@Singleton
public class VerificationJobs implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationJobs.class);

    private final VerificationStore store;
    private final Rederivation rederivation;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "decision-verification");
        thread.setDaemon(true);
        return thread;
    });

    VerificationJobs(VerificationStore store, Rederivation rederivation) {
        this.store = store;
        this.rederivation = rederivation;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        store.abandonRunning(clock.instant());
    }

    /** The new job's id, or empty when one is running. */
    public Optional<String> start(long fromPosition, @Nullable Long toPosition, String requestedBy) {
        String id = "ver_" + UUID.randomUUID();
        if (!store.start(id, fromPosition, toPosition, requestedBy, clock.instant())) {
            return Optional.empty();
        }
        executor.execute(() -> run(id, fromPosition, toPosition));
        return Optional.of(id);
    }

    private void run(String id, long fromPosition, @Nullable Long toPosition) {
        try {
            VerificationResult result = rederivation.verify(fromPosition, toPosition,
                    (entriesRead, through) -> store.progress(id, entriesRead, through));
            store.complete(id, result, clock.instant());
            LOG.info("verification {}: {} matches, {} mismatches, {} missing, {} extra", id, result.matches(),
                    result.mismatchCount(), result.missingCount(), result.extraCount());
        } catch (Exception failure) {
            LOG.error("verification {} failed", id, failure);
            store.fail(id, failure.toString(), clock.instant());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
