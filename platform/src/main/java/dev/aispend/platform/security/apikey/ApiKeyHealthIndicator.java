package dev.aispend.platform.security.apikey;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows under {@code apiKeys} in /health whether the service has read api-keys.v1 up to the end it had at start:
 * DOWN until then, because until then a valid key may be refused (401); UP after, with how many keys it knows.
 * Reported rather than hidden, so an orchestrator holds traffic back from a service that cannot authenticate
 * machine clients yet.
 */
@Singleton
@Requires(beans = ApiKeyTopicFollower.class)
final class ApiKeyHealthIndicator implements HealthIndicator {
    private final ApiKeyDirectory directory;
    private final ApiKeyTopicFollower follower;

    ApiKeyHealthIndicator(ApiKeyDirectory directory, ApiKeyTopicFollower follower) {
        this.directory = directory;
        this.follower = follower;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean caughtUp = directory.caughtUp();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", follower.topic());
        details.put("state", caughtUp ? "following" : "reading the topic to its end");
        details.putAll(directory.counts(Instant.now()));
        return Publishers.just(HealthResult.builder("apiKeys", caughtUp ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
