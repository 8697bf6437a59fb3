package dev.aispend.platform.health;

import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.ledger.LedgerFollowerLifecycle;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows each projection's ledger.v1 loop in /health, under {@code ledgerFollower}: DOWN if any is down, so one
 * stuck read model is visible even while the others are fine.
 */
@Singleton
@Requires(beans = LedgerFollowerLifecycle.class)
final class LedgerFollowerHealthIndicator implements HealthIndicator {
    private final LedgerFollowerLifecycle lifecycle;

    LedgerFollowerHealthIndicator(LedgerFollowerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> projections = new LinkedHashMap<>();
        HealthStatus overall = HealthStatus.UP;
        for (Map.Entry<String, BatchConsumerLoop> projection : lifecycle.loops().entrySet()) {
            HealthStatus status = ConsumerLoopHealth.status(projection.getValue());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.getName());
            details.putAll(ConsumerLoopHealth.details(projection.getValue()));
            projections.put(projection.getKey(), details);
            overall = worse(overall, status);
        }
        return Publishers.just(HealthResult.builder("ledgerFollower", overall).details(projections).build());
    }

    /** DOWN beats UNKNOWN beats UP. */
    private static HealthStatus worse(HealthStatus current, HealthStatus next) {
        if (current == HealthStatus.DOWN || next == HealthStatus.DOWN) {
            return HealthStatus.DOWN;
        }
        return current == HealthStatus.UNKNOWN || next == HealthStatus.UNKNOWN ? HealthStatus.UNKNOWN : HealthStatus.UP;
    }
}
