package dev.aispend.ledger.web;

import dev.aispend.ledger.LedgerLifecycle;
import dev.aispend.platform.health.ConsumerLoopHealth;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** Shows the usage.v1 intake and the ledger.v1 relay in /health; either failing repeatedly turns it DOWN. */
@Singleton
final class LedgerLoopsHealthIndicator implements HealthIndicator {
    private final LedgerLifecycle lifecycle;

    LedgerLoopsHealthIndicator(LedgerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult intake = ConsumerLoopHealth.of("usageIntake", lifecycle.intakeLoop());
        int relayFailures = lifecycle.relayConsecutiveFailures();
        int checkpointFailures = lifecycle.checkpointConsecutiveFailures();
        boolean relayHealthy = relayFailures < ConsumerLoopHealth.FAILURES_BEFORE_DOWN
                && checkpointFailures < ConsumerLoopHealth.FAILURES_BEFORE_DOWN;
        HealthStatus status = intake.getStatus().equals(HealthStatus.UP) && relayHealthy
                ? HealthStatus.UP : (intake.getStatus().equals(HealthStatus.UNKNOWN) ? HealthStatus.UNKNOWN
                : HealthStatus.DOWN);
        return Publishers.just(HealthResult.builder("ledger", status).details(Map.of(
                "usageIntake", intake.getDetails(),
                "relayConsecutiveFailures", relayFailures,
                "checkpointConsecutiveFailures", checkpointFailures)).build());
    }
}
