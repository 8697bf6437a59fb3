package dev.aispend.platform.ledger;

import java.util.List;

/**
 * Checks the hash links of what a follower applies: each entry's {@code previousHash} must be the
 * {@code entryHash} of the entry before it (docs/ledger-format.md, section 1). This does not recompute hashes
 * (audit-verifier does); it catches an entry that does not belong after the one applied before it: a reordered,
 * substituted or forked history stops the follower instead of entering its read model.
 */
public final class LedgerChain {
    /** The previousHash of position 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private LedgerChain() {
    }

    /**
     * @param appliedPosition  the checkpoint's position, just before {@code fresh}
     * @param appliedEntryHash the entry hash at that position; null when unknown (a checkpoint migrated from
     *                         before hashes were stored), and the first link is then not checked
     * @param fresh            the entries about to be applied, gapless after {@code appliedPosition}
     */
    public static void requireLinked(long appliedPosition, String appliedEntryHash, List<LedgerEvent> fresh) {
        String previous = appliedPosition == 0 ? GENESIS_HASH : appliedEntryHash;
        for (LedgerEvent event : fresh) {
            if (previous != null && !previous.equals(event.envelope().previousHash())) {
                throw new BrokenLinkException(event.position(), previous, event.envelope().previousHash());
            }
            previous = event.envelope().entryHash();
        }
    }

    /** Thrown when an entry's previousHash is not the entryHash of the entry applied before it. */
    public static final class BrokenLinkException extends IllegalStateException {
        public BrokenLinkException(long position, String expected, String actual) {
            super("ledger position " + position + " links to previousHash " + actual + " but the entry before it "
                    + "has entryHash " + expected + "; the history differs from the one applied");
        }
    }
}
