package dev.aispend.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last ledger position each projection applied, in the service's own database: table
 * {@code ledger_checkpoint(projection, applied_position, applied_entry_hash, applied_at)}, one row per projection,
 * created by the service's Flyway migrations. Read with a row lock and advanced in the same transaction as the
 * projection's writes: that is what makes a read model exactly "the ledger up to position N". One row per
 * projection is what lets one read model be rebuilt while the others keep their place.
 */
public final class LedgerCheckpoint {
    private LedgerCheckpoint() {
    }

    /** A projection's checkpoint: position 0 before anything was applied; the hash is null when not known. */
    public record Applied(long position, String entryHash) {
    }

    /**
     * Within the caller's transaction: locks the projection's checkpoint, checks the entries after it (in order,
     * gapless, hash-linked to it), hands them to {@code applier}, and advances the checkpoint past them.
     * Returns how many entries were applied.
     */
    public static int applyAfterCheckpoint(Connection connection, String projection, List<LedgerEvent> delivered,
                                           Consumer<List<LedgerEvent>> applier) {
        Applied applied = lockAndRead(connection, projection);
        List<LedgerEvent> fresh = LedgerOrder.toApplyAfter(applied.position(), delivered);
        if (fresh.isEmpty()) {
            return 0;
        }
        LedgerChain.requireLinked(applied.position(), applied.entryHash(), fresh);
        applier.accept(fresh);
        LedgerEvent last = fresh.get(fresh.size() - 1);
        advance(connection, projection, applied.position(), last.position(), last.envelope().entryHash());
        return fresh.size();
    }

    /** The position a projection applied so far, without locking: what a query reports as "as of". */
    public static long read(Connection connection, String projection) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT applied_position FROM ledger_checkpoint WHERE projection = ?")) {
            select.setString(1, projection);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the ledger_checkpoint of " + projection, failure);
        }
    }

    /** Within the rebuild's transaction: the projection starts over from before position 1. */
    public static void restartFromBeginning(Connection connection, String projection) {
        execute(connection, projection, """
                INSERT INTO ledger_checkpoint (projection, applied_position, applied_entry_hash, applied_at)
                VALUES (?, 0, NULL, now())
                ON CONFLICT (projection) DO UPDATE
                SET applied_position = 0, applied_entry_hash = NULL, applied_at = now()""");
    }

    /** The checkpoint, locked until the transaction ends so appliers of one projection never interleave. */
    static Applied lockAndRead(Connection connection, String projection) {
        // A projection added after the table was created starts at 0; the row must exist before it can be locked.
        execute(connection, projection, "INSERT INTO ledger_checkpoint (projection, applied_position) VALUES (?, 0) "
                + "ON CONFLICT (projection) DO NOTHING");
        try (PreparedStatement select = connection.prepareStatement("SELECT applied_position, applied_entry_hash "
                + "FROM ledger_checkpoint WHERE projection = ? FOR UPDATE")) {
            select.setString(1, projection);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("ledger_checkpoint has no row for " + projection);
                }
                return new Applied(row.getLong(1), row.getString(2));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not lock the ledger_checkpoint of " + projection, failure);
        }
    }

    static void advance(Connection connection, String projection, long from, long to, String entryHash) {
        if (to <= from) {
            throw new IllegalArgumentException("a checkpoint only moves forward: " + from + " -> " + to);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_checkpoint "
                + "SET applied_position = ?, applied_entry_hash = ?, applied_at = now() "
                + "WHERE projection = ? AND applied_position = ?")) {
            update.setLong(1, to);
            update.setString(2, entryHash);
            update.setString(3, projection);
            update.setLong(4, from);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("the ledger_checkpoint of " + projection + " moved away from "
                        + from + " meanwhile");
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not advance the ledger_checkpoint of " + projection + " to " + to,
                    failure);
        }
    }

    private static void execute(Connection connection, String projection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projection);
            statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not write the ledger_checkpoint of " + projection, failure);
        }
    }
}
