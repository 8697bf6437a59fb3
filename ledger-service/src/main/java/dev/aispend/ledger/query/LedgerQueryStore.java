package dev.aispend.ledger.query;

import dev.aispend.ledger.entries.StoredEntry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs audit queries against the ledger table, raw: the payload stays the bytes that were hashed. Each call is one
 * short read-only transaction, so even a long export never holds a connection between two of its reads.
 */
@Singleton
final class LedgerQueryStore {
    private final TransactionOperations<Connection> transactions;

    LedgerQueryStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** At most {@code rows} entries the filter selects after position {@code after}, in position order. */
    List<QueriedEntry> find(LedgerFilter filter, long after, int rows) {
        LedgerQuerySql.Statement statement = LedgerQuerySql.select(filter, after, rows);
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(statement.sql())) {
                for (int index = 0; index < statement.parameters().size(); index++) {
                    select.setObject(index + 1, statement.parameters().get(index));
                }
                List<QueriedEntry> entries = new ArrayList<>(Math.min(rows, 1024));
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        entries.add(read(found));
                    }
                }
                return entries;
            } catch (SQLException failure) {
                throw new IllegalStateException("could not query the ledger after position " + after, failure);
            }
        });
    }

    /** Reads one row of {@link LedgerQuerySql#COLUMNS}. */
    private static QueriedEntry read(ResultSet row) throws SQLException {
        OffsetDateTime occurredAt = row.getObject(6, OffsetDateTime.class);
        StoredEntry stored = new StoredEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), occurredAt == null ? null : occurredAt.toInstant(), row.getBytes(7),
                row.getBytes(8), row.getBytes(9), row.getString(10));
        return new QueriedEntry(stored, row.getString(11), row.getString(12), row.getString(13),
                row.getString(14));
    }
}
