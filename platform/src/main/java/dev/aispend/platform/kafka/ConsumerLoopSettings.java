package dev.aispend.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link BatchConsumerLoop} needs to know; each service fills it from its own configuration. One loop
 * may subscribe to several topics: a polled batch then mixes their records, and is still one transaction.
 */
public record ConsumerLoopSettings(
        String bootstrapServers,
        String groupId,
        List<String> topics,
        int maxPollRecords,
        Duration pollTimeout,
        Backoff backoff) {

    /** Upper bound on a batch: one batch is one database transaction, and that must stay bounded too. */
    public static final int MAX_POLL_RECORDS_LIMIT = 10_000;

    public ConsumerLoopSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topics, "topics");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a consumer loop needs at least one topic");
        }
        topics = List.copyOf(topics);
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxPollRecords < 1 || maxPollRecords > MAX_POLL_RECORDS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxPollRecords must be within 1.." + MAX_POLL_RECORDS_LIMIT + ", was " + maxPollRecords);
        }
    }

    /** The topics as one name for logs and thread names, e.g. {@code usage.v1+outcomes.v1}. */
    public String topicsText() {
        return String.join("+", topics);
    }
}
