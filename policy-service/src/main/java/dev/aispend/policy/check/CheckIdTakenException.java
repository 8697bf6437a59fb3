package dev.aispend.policy.check;

import io.micronaut.core.annotation.Nullable;

/**
 * The checkId was answered before: found when the check opened ({@code earlier} is that answer), or committed by a
 * concurrent check while this one ran (two retries at once; {@code earlier} is null and the answer must be read).
 * Either way this check is rolled back and answered from the stored one.
 */
final class CheckIdTakenException extends RuntimeException {
    private final transient ReservationStore.StoredCheck earlier;

    CheckIdTakenException(String checkId, @Nullable ReservationStore.StoredCheck earlier) {
        super("checkId " + checkId + " was answered before", null, false, false);
        this.earlier = earlier;
    }

    @Nullable
    ReservationStore.StoredCheck earlier() {
        return earlier;
    }
}
