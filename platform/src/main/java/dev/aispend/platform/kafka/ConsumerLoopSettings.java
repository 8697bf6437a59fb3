package dev.aispend.platform.kafka;

import java.time.Duration;
import java.util.Objects;

/** Everything a {@link BatchConsumerLoop} needs to know; each service fills it from its own configuration. */
public record ConsumerLoopSettings(
        String bootstrapServers,
        String groupId,
        String topic,
        int maxPollRecords,
        Duration pollTimeout,
        Backoff backoff) {

    /** Upper bound on a batch: one batch is one database transaction, and that must stay bounded too. */
    public static final int MAX_POLL_RECORDS_LIMIT = 10_000;

    public ConsumerLoopSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxPollRecords < 1 || maxPollRecords > MAX_POLL_RECORDS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxPollRecords must be within 1.." + MAX_POLL_RECORDS_LIMIT + ", was " + maxPollRecords);
        }
    }
}
