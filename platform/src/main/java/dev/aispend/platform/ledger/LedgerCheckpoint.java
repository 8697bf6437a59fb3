package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last ledger position a read model applied, in its own database (table {@code ledger_checkpoint}, one row,
 * created by the service's Flyway migration). Read with a row lock and advanced in the same transaction as the
 * projection's writes: that is what makes a follower's state exactly "the ledger up to position N".
 */
public final class LedgerCheckpoint {
    private LedgerCheckpoint() {
    }

    /**
     * Within the caller's transaction: locks the checkpoint, hands the entries after it (in order, gapless) to
     * {@code applier}, and advances the checkpoint past them. Returns how many entries were applied.
     */
    public static int applyAfterCheckpoint(Connection connection, List<LedgerEntry> delivered,
                                           Consumer<List<LedgerEntry>> applier) {
        long applied = lockAndRead(connection);
        List<LedgerEntry> fresh = LedgerOrder.toApplyAfter(applied, delivered);
        if (!fresh.isEmpty()) {
            applier.accept(fresh);
            advance(connection, applied, fresh.get(fresh.size() - 1).ledgerPosition());
        }
        return fresh.size();
    }

    /** The position applied so far, without locking: what a query reports as its "as of" position. */
    public static long read(Connection connection) {
        return selectPosition(connection, "SELECT applied_position FROM ledger_checkpoint WHERE id = 1");
    }

    /** The position applied so far; locks the row until the transaction ends, so appliers never interleave. */
    static long lockAndRead(Connection connection) {
        return selectPosition(connection, "SELECT applied_position FROM ledger_checkpoint WHERE id = 1 FOR UPDATE");
    }

    static void advance(Connection connection, long from, long to) {
        if (to <= from) {
            throw new IllegalArgumentException("a checkpoint only moves forward: " + from + " -> " + to);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ledger_checkpoint SET applied_position = ?, applied_at = now() "
                        + "WHERE id = 1 AND applied_position = ?")) {
            update.setLong(1, to);
            update.setLong(2, from);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("ledger_checkpoint moved away from " + from + " meanwhile");
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not advance ledger_checkpoint to " + to, failure);
        }
    }

    private static long selectPosition(Connection connection, String sql) {
        try (PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("ledger_checkpoint has no row; is the migration applied?");
            }
            return row.getLong(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read ledger_checkpoint", failure);
        }
    }
}
