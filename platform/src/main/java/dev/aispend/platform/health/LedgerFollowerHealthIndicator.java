package dev.aispend.platform.health;

import dev.aispend.platform.ledger.LedgerFollowerLifecycle;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/** Shows the ledger.v1 follower in /health. */
@Singleton
@Requires(beans = LedgerFollowerLifecycle.class)
final class LedgerFollowerHealthIndicator implements HealthIndicator {
    private final LedgerFollowerLifecycle lifecycle;

    LedgerFollowerHealthIndicator(LedgerFollowerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(ConsumerLoopHealth.of("ledgerFollower", lifecycle.loop()));
    }
}
