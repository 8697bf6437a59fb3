package dev.aispend.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * This machine's physical limit for the ledger: PostgreSQL COPY of event-store-shaped rows (about 850 bytes,
 * the same two unique indexes as DomainEventEntry) into a scratch table, which is dropped afterwards.
 */
final class CopyCeiling {
    private static final String TABLE = "bench_copy_scratch";
    private static final String PAYLOAD = "{\"usageRecordId\":\"%s\",\"occurredAt\":\"2026-11-22T10:15:30Z\","
            + "\"receivedAt\":\"2026-11-22T10:15:31Z\",\"source\":\"api\",\"team\":\"bench\",\"personRef\":"
            + "\"prs_0123456789abcdef0123456789abcdef\",\"model\":\"claude-sonnet-4-5\",\"tokens\":{\"inputTokens\":"
            + "1200,\"outputTokens\":340,\"cacheReadTokens\":0,\"cacheWrite5mTokens\":0,\"cacheWrite1hTokens\":0,"
            + "\"reasoningTokens\":0}}";

    private CopyCeiling() {
    }

    /** Rows per second. */
    static double measure(String jdbcUrl, String user, String password, int rows) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE TABLE " + TABLE + " (globalIndex BIGINT PRIMARY KEY, "
                        + "aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, "
                        + "type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL, metaData BYTEA, "
                        + "payload BYTEA NOT NULL, payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL, "
                        + "timeStamp VARCHAR(255) NOT NULL, ledgerPosition BIGINT NOT NULL, "
                        + "UNIQUE (aggregateIdentifier, sequenceNumber), UNIQUE (eventIdentifier))");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            long copied = copy.copyIn("COPY " + TABLE + " FROM STDIN", new RowsReader(rows));
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + TABLE);
            }
            if (copied != rows) {
                throw new IllegalStateException("COPY stored " + copied + " rows, not " + rows);
            }
            return rows / seconds;
        }
    }

    /** Generates the rows as COPY text on the fly, so 200,000 rows need no 170 MB buffer. */
    private static final class RowsReader extends Reader {
        private final int rows;
        private int next;
        private String current = "";
        private int offset;

        RowsReader(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int start, int length) {
            if (offset == current.length()) {
                if (next == rows) {
                    return -1;
                }
                current = row(++next);
                offset = 0;
            }
            int count = Math.min(length, current.length() - offset);
            current.getChars(offset, offset + count, buffer, start);
            offset += count;
            return count;
        }

        private static String row(int index) {
            String id = "copy-" + index;
            String payload = PAYLOAD.formatted(id);
            String metaData = "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                    + "\"}";
            return index + "\tusage:" + id + "\t0\tUsageRecordAggregate\t" + UUID.randomUUID() + "\t"
                    + bytea(metaData) + "\t" + bytea(payload) + "\t1\tdev.aispend.ledger.api.UsageRecordedEvent\t"
                    + "2026-11-22T10:15:31.123Z\t" + index + "\n";
        }

        /** COPY text format for bytea: \\x followed by hex (the backslash itself escaped). */
        private static String bytea(String text) {
            StringBuilder hex = new StringBuilder("\\\\x");
            for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        }

        @Override
        public void close() {
            // Nothing to release: the rows are generated.
        }
    }
}
