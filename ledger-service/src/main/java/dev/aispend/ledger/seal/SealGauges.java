package dev.aispend.ledger.seal;

import dev.aispend.platform.metrics.GaugeReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the signed checkpoints trail the ledger, read from the database every {@code ledger.metrics.refresh-interval}
 * (a scrape never waits on the database): {@code aispend.ledger.seal.lag}, the entries appended after the latest
 * signed checkpoint (0 once it covers the head), and {@code aispend.ledger.checkpoint.age}, the seconds since that
 * checkpoint was signed (absent from the scrape before the first). Checkpoints are signed only when something was appended, so an old
 * checkpoint alone is no fault: one with entries waiting behind it is (deploy/prometheus/alerts.yml). Every instance
 * reports them, a standby too: they describe the shared database, not this instance.
 */
@Singleton
final class SealGauges {
    private final Checkpointer checkpointer;
    private final Clock clock = Clock.systemUTC();
    private volatile double lagEntries = Double.NaN;
    private volatile Instant lastCheckpointAt;
    private final GaugeReading reading = new GaugeReading(SealGauges.class, "the checkpoint backlog");

    SealGauges(Checkpointer checkpointer, MeterRegistry meters) {
        this.checkpointer = checkpointer;
        Gauge.builder("aispend.ledger.seal.lag", this, gauges -> gauges.lagEntries).baseUnit("entries")
                .description("ledger entries appended after the latest signed checkpoint").register(meters);
        Gauge.builder("aispend.ledger.checkpoint.age", this, SealGauges::checkpointAgeSeconds).baseUnit("seconds")
                .description("time since the latest signed checkpoint was issued").register(meters);
    }

    @Scheduled(fixedDelay = "${ledger.metrics.refresh-interval:15s}", initialDelay = "1s")
    void refresh() {
        reading.read(() -> {
            Checkpointer.Backlog backlog = checkpointer.backlog();
            lagEntries = backlog.entries();
            lastCheckpointAt = backlog.lastIssuedAt() == null ? null : Instant.parse(backlog.lastIssuedAt());
        });
    }

    /** Computed at each scrape from the time read last, so it keeps growing between reads. */
    private double checkpointAgeSeconds() {
        Instant last = lastCheckpointAt;
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }
}
