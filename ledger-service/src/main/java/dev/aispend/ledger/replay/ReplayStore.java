package dev.aispend.ledger.replay;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The ledger_replay table: one row per replay, so progress survives a restart of whoever watches it, and so a
 * cancel is seen by the job wherever it runs. Every change but progress is guarded by {@code state = 'RUNNING'}:
 * a final state is never overwritten (a cancel racing the last batch leaves CANCELLED or COMPLETED, not both).
 */
@Singleton
final class ReplayStore {
    private static final String COLUMNS = "id, topic, from_position, to_position, published_position, state, "
            + "started_at, finished_at, failure";

    private final TransactionOperations<Connection> transactions;
    private final Clock clock = Clock.systemUTC();

    ReplayStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insertRunning(String id, ReplayPlan plan) {
        update("INSERT INTO ledger_replay (id, topic, from_position, to_position, published_position, state, "
                + "started_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', now())", statement -> {
            statement.setString(1, id);
            statement.setString(2, plan.topic());
            statement.setLong(3, plan.fromPosition());
            statement.setLong(4, plan.toPosition());
            statement.setLong(5, plan.fromPosition() - 1);
        });
    }

    Optional<ReplayProgress> find(String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM ledger_replay WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<ReplayProgress>empty();
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read replay " + id, failure);
            }
        });
    }

    /**
     * Records that the broker acknowledged everything up to {@code publishedPosition}, whatever the state (a
     * batch acknowledged after a cancel was still published), and returns the state: RUNNING to go on.
     */
    ReplayState recordProgress(String id, long publishedPosition) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE ledger_replay SET published_position = ? WHERE id = ? RETURNING state")) {
                update.setLong(1, publishedPosition);
                update.setString(2, id);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("replay " + id + " has no row");
                    }
                    return ReplayState.valueOf(row.getString(1));
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not record the progress of replay " + id, failure);
            }
        });
    }

    /** Moves a RUNNING replay to a final state; false if it was no longer RUNNING (e.g. cancelled meanwhile). */
    boolean finish(String id, ReplayState state, String failure) {
        return update("UPDATE ledger_replay SET state = ?, failure = ?, finished_at = now() "
                + "WHERE id = ? AND state = 'RUNNING'", statement -> {
            statement.setString(1, state.name());
            statement.setString(2, failure);
            statement.setString(3, id);
        }) == 1;
    }

    /** Fails every RUNNING replay: at start-up, no job of this service is running any of them any more. */
    int failAllRunning(String reason) {
        return update("UPDATE ledger_replay SET state = 'FAILED', failure = ?, finished_at = now() "
                + "WHERE state = 'RUNNING'", statement -> statement.setString(1, reason));
    }

    private ReplayProgress read(ResultSet row) throws SQLException {
        return ReplayProgress.of(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4), row.getLong(5),
                ReplayState.valueOf(row.getString(6)), instant(row, 7), instant(row, 8), row.getString(9),
                clock.instant());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                parameters.set(statement);
                return statement.executeUpdate();
            } catch (SQLException failure) {
                throw new IllegalStateException("could not update ledger_replay", failure);
            }
        });
    }
}
