package dev.aispend.platform.ledger;

import java.sql.Connection;
import java.util.List;

/**
 * A read model fed from ledger.v1. Each projection bean has its own checkpoint, its own consumer loop and
 * consumer group ({@code <ledger-follower.consumer-group>.<name>}), so it can be rebuilt alone
 * ({@link LedgerFollowerLifecycle#rebuild}). The platform calls it inside one transaction
 * ({@link LedgerTransactions}) that also locks and advances its checkpoint, so a crash anywhere leaves either all
 * of a delivery applied or none of it.
 */
public interface LedgerProjection {

    /**
     * The projection's stable name: its checkpoint row, its consumer group suffix and its rebuild path
     * ({@code POST /v1/projections/{name}/rebuild}). Lower-case letters, digits and dashes; never renamed, or
     * it starts over from position 1.
     */
    String name();

    /**
     * Applies entries that are exactly the next ones after this projection's checkpoint: in position order,
     * gapless, hash-linked, payloads upcast. Writes through {@code connection} or through anything that joins
     * the current transaction (a Micronaut Data repository does). Throwing rolls back the whole delivery.
     */
    void apply(Connection connection, List<LedgerEvent> events);

    /**
     * Deletes every row this projection wrote, in the rebuild's transaction (which also sets the checkpoint
     * back to 0); the projection then re-reads ledger.v1 from its first entry.
     */
    void reset(Connection connection);
}
