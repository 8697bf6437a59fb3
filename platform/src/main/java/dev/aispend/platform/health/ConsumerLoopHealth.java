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
        return HealthResult.builder(name, status(loop)).details(details(loop)).build();
    }

    /** UNKNOWN while the loop is not there yet (starting, or being replaced by a rebuild). */
    public static HealthStatus status(BatchConsumerLoop loop) {
        if (loop == null) {
            return HealthStatus.UNKNOWN;
        }
        boolean healthy = loop.isRunning() && loop.consecutiveFailures() < FAILURES_BEFORE_DOWN;
        return healthy ? HealthStatus.UP : HealthStatus.DOWN;
    }

    public static Map<String, Object> details(BatchConsumerLoop loop) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (loop == null) {
            details.put("state", "starting");
            return details;
        }
        details.put("running", loop.isRunning());
        details.put("consecutiveFailures", loop.consecutiveFailures());
        if (loop.lastBatchHandledAt() != null) {
            details.put("lastBatchHandledAt", loop.lastBatchHandledAt().toString());
        }
        return details;
    }
}
