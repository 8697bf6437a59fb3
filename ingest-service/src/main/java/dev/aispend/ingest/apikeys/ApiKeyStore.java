package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.ingest.acceptance.StoreUnavailableException;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code api_key} (V4__api_keys.sql) in ingest's PostgreSQL, within the caller's transaction. */
@Singleton
public class ApiKeyStore {
    private static final String COLUMNS = "id, name, secret_sha256, roles, teams, expires_at, created_by, created_at, "
            + "revoked_at, revoked_by";
    private static final String INSERT = "INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Serializes creations, so two at once cannot both pass the count of usable keys; plain reads (the list) are
     * not blocked by this mode.
     */
    private static final String LOCK_FOR_CREATION = "LOCK TABLE api_key IN EXCLUSIVE MODE";
    private static final String COUNT_USABLE = "SELECT count(*) FROM api_key WHERE revoked_at IS NULL "
            + "AND expires_at > ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM api_key WHERE id = ?";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String REVOKE = "UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? "
            + "AND revoked_at IS NULL";
    private static final String NOT_EXPIRED = "SELECT " + COLUMNS + " FROM api_key WHERE expires_at > ?";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id "
            + "LIMIT ? OFFSET ?";

    private final ConnectionOperations<Connection> connections;

    ApiKeyStore(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    public void lockForCreation() {
        run(LOCK_FOR_CREATION, PreparedStatement::execute);
    }

    /** Keys neither revoked nor expired at {@code now}. */
    public long countUsable(Instant now) {
        return run(COUNT_USABLE, statement -> {
            statement.setObject(1, timestamp(now));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    public void insert(ApiKeyState state) {
        run(INSERT, statement -> {
            Connection connection = statement.getConnection();
            statement.setString(1, state.keyId());
            statement.setString(2, state.name());
            statement.setString(3, state.secretSha256());
            statement.setArray(4, connection.createArrayOf("text", state.roles().toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("text", state.teams().toArray(String[]::new)));
            statement.setObject(6, timestamp(state.expiresAt()));
            statement.setString(7, state.createdBy());
            statement.setObject(8, timestamp(state.createdAt()));
            statement.setObject(9, state.revokedAt() == null ? null : timestamp(state.revokedAt()));
            statement.setString(10, state.revokedBy());
            return statement.executeUpdate();
        });
    }

    public Optional<ApiKeyState> find(String keyId) {
        return run(FIND, statement -> one(statement, keyId));
    }

    /** The key, its row locked until the transaction ends (a revocation reads, publishes, then writes). */
    public Optional<ApiKeyState> findForUpdate(String keyId) {
        return run(FIND_FOR_UPDATE, statement -> one(statement, keyId));
    }

    public void markRevoked(ApiKeyState revoked) {
        run(REVOKE, statement -> {
            statement.setObject(1, timestamp(revoked.revokedAt()));
            statement.setString(2, revoked.revokedBy());
            statement.setString(3, revoked.keyId());
            return statement.executeUpdate();
        });
    }

    /** Every key not expired at {@code now}, revoked ones included. */
    public List<ApiKeyState> notExpired(Instant now) {
        return run(NOT_EXPIRED, statement -> {
            statement.setObject(1, timestamp(now));
            return states(statement);
        });
    }

    /** Newest first, a page of at most {@code limit}. */
    public List<ApiKeyState> page(int limit, long offset) {
        return run(PAGE, statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, offset);
            return states(statement);
        });
    }

    private static List<ApiKeyState> states(PreparedStatement statement) throws SQLException {
        List<ApiKeyState> states = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                states.add(state(result));
            }
        }
        return states;
    }

    private static Optional<ApiKeyState> one(PreparedStatement statement, String keyId) throws SQLException {
        statement.setString(1, keyId);
        try (ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(state(result)) : Optional.empty();
        }
    }

    private static ApiKeyState state(ResultSet result) throws SQLException {
        OffsetDateTime revokedAt = result.getObject(9, OffsetDateTime.class);
        return new ApiKeyState(ApiKeyState.SCHEMA_VERSION, result.getString(1), result.getString(2),
                result.getString(3), texts(result, 4), texts(result, 5), instant(result, 6), result.getString(7),
                instant(result, 8), revokedAt == null ? null : revokedAt.toInstant(), result.getString(10));
    }

    private static List<String> texts(ResultSet result, int column) throws SQLException {
        return Arrays.asList((String[]) result.getArray(column).getArray());
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private <T> T run(String sql, Statement<T> work) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException failure) {
            throw new StoreUnavailableException("the API keys could not be read or written", failure);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
