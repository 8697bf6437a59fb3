package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The signed checkpoints with tree sizes in a range, oldest first, read through a server-side cursor alongside
 * the entries, so a verification holds one checkpoint in memory however many there are.
 */
final class CheckpointCursor implements AutoCloseable {
    private final PreparedStatement select;
    private final ResultSet rows;
    private Checkpoint next;

    CheckpointCursor(Connection connection, long afterTreeSize, long upToTreeSize) throws SQLException {
        this.select = connection.prepareStatement("SELECT checkpoint_number, tree_size, chain_head_hash, "
                + "merkle_root, issued_at, key_id, signature FROM ledger_signed_checkpoint "
                + "WHERE tree_size > ? AND tree_size <= ? ORDER BY tree_size");
        select.setFetchSize(100);
        select.setLong(1, afterTreeSize);
        select.setLong(2, upToTreeSize);
        this.rows = select.executeQuery();
        advance();
    }

    /** The next checkpoint if it covers exactly {@code position} entries, else null. */
    Checkpoint takeAt(long position) {
        if (next == null || next.treeSize() != position) {
            return null;
        }
        Checkpoint taken = next;
        try {
            advance();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the signed checkpoints", failure);
        }
        return taken;
    }

    private void advance() throws SQLException {
        next = rows.next() ? new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getBytes(3), rows.getBytes(4),
                rows.getString(5), rows.getString(6), rows.getBytes(7)) : null;
    }

    @Override
    public void close() throws SQLException {
        rows.close();
        select.close();
    }
}
