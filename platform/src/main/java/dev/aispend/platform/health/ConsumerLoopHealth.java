package dev.aispend.platform.health;

import dev.aispend.platform.kafka.BatchConsumerLoop;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of a consumer loop: DOWN when it stopped, or when its batch has failed this many times in a row
 * (it is still retrying, nothing is skipped, but an operator must look).
 */
public final class ConsumerLoopHealth {
    public static final int FAILURES_BEFORE_DOWN = 3;

    private ConsumerLoopHealth() {
    }

    public static HealthResult of(String name, BatchConsumerLoop loop) {
        if (loop == null) {
            return HealthResult.builder(name, HealthStatus.UNKNOWN).details(Map.of("state", "starting")).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", loop.isRunning());
        details.put("consecutiveFailures", loop.consecutiveFailures());
        if (loop.lastBatchHandledAt() != null) {
            details.put("lastBatchHandledAt", loop.lastBatchHandledAt().toString());
        }
        boolean healthy = loop.isRunning() && loop.consecutiveFailures() < FAILURES_BEFORE_DOWN;
        return HealthResult.builder(name, healthy ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }
}
