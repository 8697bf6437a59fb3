package dev.aispend.report.rebuild;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A rebuild as {@code GET /v1/reports/rebuilds/{generation}} shows it: its state (BUILDING, ACTIVE once switched to,
 * RETIRED after a later one, FAILED, CANCELLED), how far it applied against the replay's last position, its rate,
 * and after the switch the digest comparison with the generation it replaced.
 */
@Serdeable
public record RebuildProgress(int generation, String state, @Nullable String startedBy, Instant startedAt,
                              @Nullable Instant activatedAt, @Nullable String replayId, @Nullable String replayTopic,
                              @Nullable Long targetPosition, long appliedPosition, double entriesPerSecond,
                              @Nullable String failure, @Nullable Comparison comparison) {

    /** Both generations' digests at the retired one's last position. */
    @Serdeable
    public record Comparison(long position, boolean equal, List<String> readModels) {
    }

    static RebuildProgress of(RebuildStore.Row row, long applied, Instant now) {
        Instant until = row.activatedAt() != null ? row.activatedAt() : now;
        long millis = Math.max(1, Duration.between(row.startedAt(), until).toMillis());
        double rate = Math.round(applied * 10_000.0 / millis) / 10.0;
        Comparison comparison = row.comparedPosition() == null ? null : new Comparison(row.comparedPosition(),
                Boolean.TRUE.equals(row.digestsEqual()), row.comparison() == null ? List.of()
                : Arrays.asList(row.comparison().split("\n")));
        return new RebuildProgress(row.generation(), row.state(), row.startedBy(), row.startedAt(), row.activatedAt(),
                row.replayId(), row.replayTopic(), row.targetPosition(), applied, rate, row.failure(), comparison);
    }
}
