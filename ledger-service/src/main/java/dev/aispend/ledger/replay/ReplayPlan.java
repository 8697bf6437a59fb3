package dev.aispend.ledger.replay;

import io.micronaut.core.annotation.Nullable;

/**
 * A validated replay: the inclusive range of positions, the topic they are re-published to, and the reason it is
 * recorded with (null when none was given).
 */
record ReplayPlan(long fromPosition, long toPosition, String topic, @Nullable String reason) {

    ReplayPlan(long fromPosition, long toPosition, String topic) {
        this(fromPosition, toPosition, topic, null);
    }

    long total() {
        return toPosition - fromPosition + 1;
    }
}
