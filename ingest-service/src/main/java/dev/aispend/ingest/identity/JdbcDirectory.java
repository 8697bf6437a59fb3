package dev.aispend.ingest.identity;

import dev.aispend.ingest.acceptance.AliasKind;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The directory in ingest's PostgreSQL ({@code directory_entry}, V1__directory.sql). */
@Singleton
class JdbcDirectory implements Directory {
    private static final String FIND = """
            SELECT person_id, team, cost_center FROM directory_entry
            WHERE alias_kind = ? AND alias_value = ? AND valid_from <= ?
            ORDER BY valid_from DESC LIMIT 1""";

    private final ConnectionOperations<Connection> connections;

    JdbcDirectory(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    @ReadOnly
    public Optional<DirectoryEntry> find(AliasKind kind, String normalizedValue, Instant at) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, kind.wireName());
            statement.setString(2, normalizedValue);
            statement.setTimestamp(3, Timestamp.from(at));
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new DirectoryEntry(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the identity directory", failure);
        }
    }
}
