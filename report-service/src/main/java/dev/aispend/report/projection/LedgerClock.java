package dev.aispend.report.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps ledger_clock: a row each time the running maximum of the entries' recordedAt grows, so "as of an instant"
 * resolves to a position with one index lookup. Whatever the batching, the rows are the same.
 */
final class LedgerClock {
    private record Row(long firstPosition, Instant recordedMax) {
    }

    private final List<Row> rows = new ArrayList<>();
    private Instant recordedMax;

    private LedgerClock(Instant recordedMax) {
        this.recordedMax = recordedMax;
    }

    static LedgerClock continuing(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT recorded_max FROM ledger_clock ORDER BY first_position DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return new LedgerClock(row.next() ? row.getTimestamp(1).toInstant() : null);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read ledger_clock", failure);
        }
    }

    /** {@code recordedAt} as the envelope carries it: ISO-8601 UTC, as the ledger stored it. */
    void observe(long position, String recordedAt) {
        Instant recorded = Instant.parse(recordedAt);
        if (recordedMax == null || recorded.isAfter(recordedMax)) {
            recordedMax = recorded;
            rows.add(new Row(position, recorded));
        }
    }

    void flush(Connection connection) {
        Sql.insertAll(connection, "INSERT INTO ledger_clock (first_position, recorded_max) VALUES (?, ?)", rows,
                (row, value) -> row.number(value.firstPosition()).instant(value.recordedMax()));
        rows.clear();
    }
}
