package dev.aispend.ledger.seal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a verification found: how many entries and checkpoints it checked, how fast, and the first damage.
 *
 * @param firstBadPosition the first position that is not as sealed; for a rewrite that kept the hash chain
 *                         consistent (only a signed checkpoint catches it) the first position after the last
 *                         checkpoint that still matched, since the damage lies between it and {@code checkpoint}
 * @param damage           MISSING_POSITION, UNEXPECTED_POSITION, BROKEN_LINK, HASH_MISMATCH, CHECKPOINT_MISMATCH,
 *                         BAD_SIGNATURE, HEAD_MISMATCH, TRUNCATED or ATTRIBUTE_MISMATCH (an indexed column no
 *                         longer says what the sealed payload says); null when everything verified
 */
@Serdeable
public record VerificationReport(
        long fromPosition,
        long toPosition,
        boolean verified,
        long verifiedEntries,
        long checkpointsVerified,
        long elapsedMillis,
        long entriesPerSecond,
        @Nullable Long firstBadPosition,
        @Nullable String damage,
        @Nullable Long checkpointNumber,
        @Nullable String detail) {

    public static final String MISSING_POSITION = "MISSING_POSITION";
    public static final String UNEXPECTED_POSITION = "UNEXPECTED_POSITION";
    public static final String BROKEN_LINK = "BROKEN_LINK";
    public static final String HASH_MISMATCH = "HASH_MISMATCH";
    public static final String CHECKPOINT_MISMATCH = "CHECKPOINT_MISMATCH";
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    public static final String HEAD_MISMATCH = "HEAD_MISMATCH";
    public static final String TRUNCATED = "TRUNCATED";
    public static final String ATTRIBUTE_MISMATCH = "ATTRIBUTE_MISMATCH";
}
