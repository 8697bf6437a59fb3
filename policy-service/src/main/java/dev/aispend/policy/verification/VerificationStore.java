package dev.aispend.policy.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Re-derivation jobs in {@code decision_verification}: created RUNNING, progress, then COMPLETED or FAILED. */
@Singleton
public class VerificationStore {
    private final ConnectionOperations<Connection> connections;
    private final JsonMapper json;

    VerificationStore(ConnectionOperations<Connection> connections, JsonMapper json) {
        this.connections = connections;
        this.json = json;
    }

    /** A job as the API shows it. */
    @Serdeable
    public record Job(String verificationId, String status, long fromPosition, @Nullable Long toPosition,
                      long entriesRead, String requestedBy, Instant requestedAt, @Nullable Instant finishedAt,
                      @Nullable VerificationResult result, @Nullable String failure) {
    }

    /** Creates the job unless one is running; a job left RUNNING by a stopped instance is marked FAILED first. */
    @Transactional
    public boolean start(String id, long fromPosition, @Nullable Long toPosition, String requestedBy, Instant now) {
        try (PreparedStatement running = connection().prepareStatement(
                "SELECT count(*) FROM decision_verification WHERE status = 'RUNNING'")) {
            try (ResultSet row = running.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    return false;
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not start a verification", failure);
        }
        // The partial unique index refuses a second RUNNING row, should another instance start one meanwhile.
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO decision_verification "
                + "(verification_id, status, from_position, to_position, requested_by, requested_at) "
                + "VALUES (?, 'RUNNING', ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, id);
            insert.setLong(2, fromPosition);
            insert.setObject(3, toPosition);
            insert.setString(4, requestedBy);
            insert.setTimestamp(5, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not start a verification", failure);
        }
    }

    /** At start-up: a job RUNNING now was cut off by a stop; it will not finish. */
    @Transactional
    public void abandonRunning(Instant now) {
        execute("UPDATE decision_verification SET status = 'FAILED', finished_at = ?, failure = ? "
                + "WHERE status = 'RUNNING'", Timestamp.from(now), "the service stopped before it finished");
    }

    @Transactional
    public void progress(String id, long entriesRead, long toPosition) {
        execute("UPDATE decision_verification SET entries_read = ?, to_position = ? WHERE verification_id = ?",
                entriesRead, toPosition, id);
    }

    @Transactional
    public void complete(String id, VerificationResult result, Instant now) {
        try {
            execute("UPDATE decision_verification SET status = 'COMPLETED', entries_read = ?, to_position = ?, "
                    + "result = ?::jsonb, finished_at = ? WHERE verification_id = ?", result.entriesRead(),
                    result.toPosition(), json.writeValueAsString(result), Timestamp.from(now), id);
        } catch (IOException failure) {
            throw new IllegalStateException("could not store verification " + id, failure);
        }
    }

    @Transactional
    public void fail(String id, String reason, Instant now) {
        execute("UPDATE decision_verification SET status = 'FAILED', failure = ?, finished_at = ? "
                + "WHERE verification_id = ?", reason, Timestamp.from(now), id);
    }

    @ReadOnly
    public Optional<Job> find(String id) {
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT status, from_position, to_position, entries_read, requested_by, requested_at, finished_at,
                    result::text, failure FROM decision_verification WHERE verification_id = ?""")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long to = row.getLong(3);
                Long toPosition = row.wasNull() ? null : to;
                Timestamp finished = row.getTimestamp(7);
                String result = row.getString(8);
                return Optional.of(new Job(id, row.getString(1), row.getLong(2), toPosition, row.getLong(4),
                        row.getString(5), row.getTimestamp(6).toInstant(),
                        finished == null ? null : finished.toInstant(),
                        result == null ? null : json.readValue(result, VerificationResult.class), row.getString(9)));
            }
        } catch (SQLException | IOException failure) {
            throw new IllegalStateException("could not read verification " + id, failure);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not update a verification", failure);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
