package dev.aispend.ingest.source.otlp.series;

import dev.aispend.ingest.acceptance.StoreUnavailableException;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The cumulative series' last points in ingest's PostgreSQL ({@code otlp_series}, V2__otlp_series.sql). Works in
 * the caller's transaction ({@link TransactionDefinition.Propagation.MANDATORY}): the rows stay locked until the caller
 * commits after Kafka acknowledged the increases, so two exports of one series at once count its increase once
 * (the second waits, then sees the first's point as the last).
 */
@Singleton
public class JdbcSeriesStore {
    // Rows are created first, then locked in key order: every request locks in the same order, so two requests
    // sharing series wait for each other instead of deadlocking; a new series created by two requests at once
    // makes the second wait on the first's insert.
    private static final String CREATE = """
            INSERT INTO otlp_series (series_key_sha256, start_time_unix_nano)
            SELECT key, start FROM unnest(?::text[], ?::bigint[]) AS series(key, start) ORDER BY key
            ON CONFLICT (series_key_sha256) DO NOTHING""";
    private static final String LOCK = """
            SELECT series_key_sha256, last_time_unix_nano, last_value FROM otlp_series
            WHERE series_key_sha256 = ANY(?::text[]) ORDER BY series_key_sha256 FOR UPDATE""";
    private static final String SAVE = """
            UPDATE otlp_series SET last_time_unix_nano = ?, last_value = ?, updated_at = now()
            WHERE series_key_sha256 = ?""";

    private final ConnectionOperations<Connection> connections;

    public JdbcSeriesStore(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Locks every series of {@code series} (key to start time) and returns the last state of those that have one. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Map<String, SeriesState> lock(SortedMap<String, Long> series) {
        Map<String, SeriesState> states = new HashMap<>();
        if (series.isEmpty()) {
            return states;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        try {
            Array keys = connection.createArrayOf("text", series.keySet().toArray());
            try (PreparedStatement create = connection.prepareStatement(CREATE)) {
                create.setArray(1, keys);
                create.setArray(2, connection.createArrayOf("bigint", series.values().toArray()));
                create.executeUpdate();
            }
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setArray(1, keys);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        long lastTime = rows.getLong(2);
                        BigDecimal lastValue = rows.getBigDecimal(3);
                        if (!rows.wasNull()) {
                            states.put(rows.getString(1), new SeriesState(lastTime, lastValue));
                        }
                    }
                }
            }
            return states;
        } catch (SQLException failure) {
            throw new StoreUnavailableException("could not lock the OTLP series' last points", failure);
        }
    }

    /** Saves the series' new last points; in the transaction that locked them. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void save(Map<String, SeriesState> states) {
        if (states.isEmpty()) {
            return;
        }
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            for (Map.Entry<String, SeriesState> state : states.entrySet()) {
                save.setLong(1, state.getValue().lastTimeUnixNano());
                save.setBigDecimal(2, state.getValue().lastValue());
                save.setString(3, state.getKey());
                save.addBatch();
            }
            save.executeBatch();
        } catch (SQLException failure) {
            throw new StoreUnavailableException("could not save the OTLP series' last points", failure);
        }
    }
}
