package dev.aispend.ledger.entries;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored entries in ledger order, raw (no payload is deserialized: what leaves the ledger is the bytes that
 * were hashed), and the publication cursor. Positions are gapless and commit in order (V1, V2 migrations), so
 * "everything after a position" is always a complete, ordered suffix.
 */
@Singleton
public final class LedgerEntryStore {
    static final String COLUMNS = "ledgerPosition, eventIdentifier, payloadType, payloadRevision, timeStamp, "
            + "occurredAt, previousHash, entryHash, payload, team";

    private final TransactionOperations<Connection> transactions;

    LedgerEntryStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Head of the ledger and of its publication. */
    public record Head(long lastPosition, long lastPublishedPosition) {
    }

    /** Receives entries one at a time, so a reader of millions of entries holds one in memory. */
    public interface EntryConsumer {
        /** Returns false to stop reading. */
        boolean accept(StoredEntry entry) throws Exception;
    }

    public Head head() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT h.last_position, p.last_published_position FROM ledger_head h, ledger_publication p");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Head(rows.getLong(1), rows.getLong(2));
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read the ledger head", failure);
            }
        });
    }

    public List<StoredEntry> entriesAfter(long position, int limit) {
        List<StoredEntry> entries = new ArrayList<>();
        forEachInRange(position + 1, Long.MAX_VALUE, limit, entry -> entries.add(entry));
        return entries;
    }

    /**
     * Streams the entries from {@code fromPosition} to {@code toPosition} (inclusive) in position order, at most
     * {@code limit}, with a server-side cursor (fetch size 1000), in one read-only transaction.
     */
    public void forEachInRange(long fromPosition, long toPosition, long limit, EntryConsumer consumer) {
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT " + COLUMNS
                    + " FROM DomainEventEntry WHERE ledgerPosition BETWEEN ? AND ? ORDER BY ledgerPosition LIMIT ?")) {
                select.setFetchSize(1000);
                select.setLong(1, fromPosition);
                select.setLong(2, toPosition);
                select.setLong(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!consumer.accept(read(rows))) {
                            break;
                        }
                    }
                }
                return null;
            } catch (RuntimeException failure) {
                throw failure;
            } catch (Exception failure) {
                throw new IllegalStateException("could not read the ledger from position " + fromPosition, failure);
            }
        });
    }

    static StoredEntry read(ResultSet row) throws SQLException {
        Timestamp occurredAt = row.getTimestamp(6);
        return new StoredEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), occurredAt == null ? null : occurredAt.toInstant(), row.getBytes(7),
                row.getBytes(8), row.getBytes(9), row.getString(10));
    }

    /** Moves the publication cursor from {@code from} to {@code to}; refuses if someone else moved it meanwhile. */
    public void markPublished(long from, long to) {
        if (to <= from) {
            throw new IllegalArgumentException("publication only moves forward: " + from + " -> " + to);
        }
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE ledger_publication SET last_published_position = ?, published_at = now() "
                            + "WHERE id = 1 AND last_published_position = ?")) {
                update.setLong(1, to);
                update.setLong(2, from);
                return update.executeUpdate();
            } catch (SQLException failure) {
                throw new IllegalStateException("could not advance the publication cursor", failure);
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("publication cursor was not at " + from + "; is a second relay running?");
        }
    }
}
