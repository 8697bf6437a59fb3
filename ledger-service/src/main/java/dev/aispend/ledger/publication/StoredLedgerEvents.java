package dev.aispend.ledger.publication;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.ledger.UsageRecorded;
import dev.aispend.ledger.api.UsageConflictFlaggedEvent;
import dev.aispend.ledger.api.UsageRecordedEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded events in ledger order and the publication cursor. Positions are gapless and commit in
 * order (V1__event_store.sql), so "everything after the cursor" is always a complete, ordered suffix.
 */
@Singleton
public final class StoredLedgerEvents {
    private final TransactionOperations<Connection> transactions;
    private final Serializer serializer;

    StoredLedgerEvents(TransactionOperations<Connection> transactions, Serializer serializer) {
        this.transactions = transactions;
        this.serializer = serializer;
    }

    /** A ledger entry with the Kafka key it is published under. */
    public record KeyedEntry(String key, LedgerEntry entry) {
    }

    /** Head of the ledger and of its publication. */
    public record Head(long lastPosition, long lastPublishedPosition) {
    }

    public Head head() {
        return transactions.executeRead(status -> query(status.getConnection(),
                "SELECT h.last_position, p.last_published_position FROM ledger_head h, ledger_publication p",
                rows -> {
                    rows.next();
                    return new Head(rows.getLong(1), rows.getLong(2));
                }));
    }

    public List<KeyedEntry> entriesAfter(long position, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT ledgerPosition, eventIdentifier, payloadType, payloadRevision, payload, timeStamp "
                            + "FROM DomainEventEntry WHERE ledgerPosition > ? ORDER BY ledgerPosition LIMIT ?")) {
                select.setLong(1, position);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<KeyedEntry> entries = new ArrayList<>();
                    while (rows.next()) {
                        entries.add(toEntry(rows));
                    }
                    return entries;
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read the ledger after position " + position, failure);
            }
        });
    }

    /** Moves the cursor from {@code from} to {@code to}; refuses if someone else moved it meanwhile. */
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

    private KeyedEntry toEntry(ResultSet row) throws SQLException {
        long position = row.getLong(1);
        String eventIdentifier = row.getString(2);
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(5), byte[].class,
                row.getString(3), row.getString(4)));
        Instant recordedAt = Instant.parse(row.getString(6));
        if (payload instanceof UsageRecordedEvent usage) {
            return new KeyedEntry(usage.team(), LedgerEntry.ofUsage(position, eventIdentifier, recordedAt,
                    new UsageRecorded(usage.usageRecordId(), usage.occurredAt(), usage.source(), usage.team(),
                            usage.personRef(), usage.model(), usage.tokens())));
        }
        if (payload instanceof UsageConflictFlaggedEvent conflict) {
            return new KeyedEntry(conflict.team(), LedgerEntry.ofConflict(position, eventIdentifier, recordedAt,
                    new UsageConflictFlagged(conflict.usageRecordId(), conflict.recordedContentSha256(),
                            conflict.conflictingContentSha256(), conflict.occurredAt(), conflict.receivedAt(),
                            conflict.source(), conflict.team(), conflict.personRef(), conflict.model(),
                            conflict.tokens())));
        }
        // Every recorded event must reach ledger.v1; an unknown one stops publication loudly instead of a gap.
        throw new IllegalStateException("no ledger.v1 mapping for event type " + row.getString(3) + " at position "
                + position);
    }

    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(Connection connection, String sql, RowsReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        } catch (SQLException failure) {
            throw new IllegalStateException("query failed: " + sql, failure);
        }
    }
}
