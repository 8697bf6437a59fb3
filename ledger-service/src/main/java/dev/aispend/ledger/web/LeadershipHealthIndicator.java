package dev.aispend.ledger.web;

import dev.aispend.ledger.leadership.Leadership;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Readiness follows leadership: the leading instance is ready, a standby is not, so a load balancer or a Kubernetes
 * Service that follows readiness sends every request to the leader (docs/operations.md, "Ledger failover"). A
 * standby stays live: /health/liveness leaves it running, ready to take over.
 */
@Readiness
@Singleton
final class LeadershipHealthIndicator implements HealthIndicator {
    private final Leadership leadership;

    LeadershipHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean leads = leadership.isLeader();
        return Publishers.just(HealthResult.builder("leadership", leads ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("role", leads ? "leader" : "standby", "instance", leadership.instanceId()))
                .build());
    }
}
