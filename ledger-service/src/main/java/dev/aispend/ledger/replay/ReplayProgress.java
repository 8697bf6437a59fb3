package dev.aispend.ledger.replay;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;

/**
 * A replay as stored in ledger_replay and as {@code GET /v1/ledger/replays/{id}} answers it.
 * {@code publishedPosition} is the last position the broker acknowledged ({@code fromPosition - 1} before the
 * first batch), so a failed or cancelled replay can be resumed from the position after it.
 */
@Serdeable
public record ReplayProgress(
        String id,
        String topic,
        long fromPosition,
        long toPosition,
        long publishedPosition,
        long total,
        long published,
        ReplayState state,
        double entriesPerSecond,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failure) {

    /** The view of a stored row, with the rate over the time it ran (until now, while it runs). */
    static ReplayProgress of(String id, String topic, long fromPosition, long toPosition, long publishedPosition,
                             ReplayState state, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                             @Nullable String failure, Instant now) {
        long published = publishedPosition - (fromPosition - 1);
        return new ReplayProgress(id, topic, fromPosition, toPosition, publishedPosition,
                toPosition - fromPosition + 1, published, state,
                entriesPerSecond(published, startedAt, finishedAt != null ? finishedAt : now), startedAt,
                finishedAt, failure);
    }

    /** Rounded to a tenth: the rate is for a person watching progress, not for arithmetic. */
    static double entriesPerSecond(long published, @Nullable Instant startedAt, Instant until) {
        if (startedAt == null || published <= 0) {
            return 0;
        }
        long elapsedMillis = Math.max(1, Duration.between(startedAt, until).toMillis());
        return Math.round(published * 10_000.0 / elapsedMillis) / 10.0;
    }
}
