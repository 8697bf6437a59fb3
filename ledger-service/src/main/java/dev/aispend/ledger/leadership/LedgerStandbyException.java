package dev.aispend.ledger.leadership;

/**
 * Thrown instead of appending on an instance that does not lead the ledger (a standby, or a leader that has just
 * lost its lease). Nothing was appended; the caller retries, and a load balancer that follows readiness sends the
 * retry to the leader.
 */
public final class LedgerStandbyException extends RuntimeException {
    public LedgerStandbyException(String instanceId) {
        super("ledger instance " + instanceId + " is a standby: only the leading instance appends; nothing was "
                + "recorded, retry (the leader answers)");
    }

    /** The fencing check failed: the lease moved on to {@code currentEpoch} after this instance took its own. */
    public LedgerStandbyException(long ownEpoch, long currentEpoch) {
        super("this ledger instance's lease (epoch " + ownEpoch + ") was taken over (epoch " + currentEpoch
                + "); nothing was recorded, retry (the leader answers)");
    }
}
