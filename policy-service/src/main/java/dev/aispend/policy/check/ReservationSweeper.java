package dev.aispend.policy.check;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Every {@code checks.expiry-interval}: releases the reservations whose time ran out, and forgets answered checks
 * older than {@code checks.idempotency-retention}, each in bounded batches (one transaction per batch, at most
 * {@link #MAX_BATCHES_PER_RUN} per run, the rest the next run). The wall clock is right here: expiry is a promise
 * to the client in wall time, and a check decision already records what it counted. Until the sweeper runs, an
 * expired reservation still counts: a check may be denied a little early, never allowed past a cap.
 */
@Singleton
final class ReservationSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);
    static final int MAX_BATCHES_PER_RUN = 100;

    private final ReservationStore store;
    private final CheckConfiguration configuration;
    private final CheckMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    ReservationSweeper(ReservationStore store, CheckConfiguration configuration, CheckMetrics metrics) {
        this.store = store;
        this.configuration = configuration;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${checks.expiry-interval}", initialDelay = "${checks.expiry-interval}")
    void sweep() {
        Instant now = clock.instant();
        int batch = configuration.expiryBatchSize();
        int released = 0;
        for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
            int rows = store.expire(now, batch);
            metrics.expired(rows);
            released += rows;
            if (rows < batch) {
                break;
            }
        }
        Instant forgetBefore = now.minus(configuration.idempotencyRetention());
        for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
            if (store.forgetChecks(forgetBefore, batch) < batch) {
                break;
            }
        }
        if (released > 0) {
            LOG.debug("released {} expired reservation rows", released);
        }
    }
}
