package dev.aispend.policy.changes;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.rules.ChangeStatus;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** The change requests this service sent, so their status reads PENDING until the ledger answers. */
@Singleton
public class SubmittedChanges {
    private final ConnectionOperations<Connection> connections;

    SubmittedChanges(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Transactional
    public void remember(PolicyChangeRequest request) {
        try (PreparedStatement insert = connection().prepareStatement("""
                INSERT INTO policy_change_submission (request_id, policy_id, kind, expected_version, actor,
                    submitted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")) {
            insert.setString(1, request.requestId());
            insert.setString(2, request.policyId());
            insert.setString(3, request.kind().name());
            insert.setLong(4, request.expectedVersion());
            insert.setString(5, request.actor());
            insert.setTimestamp(6, Timestamp.from(request.requestedAt()));
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not remember policy change " + request.requestId(), failure);
        }
    }

    @Transactional
    public void forget(String requestId) {
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM policy_change_submission WHERE request_id = ?")) {
            delete.setString(1, requestId);
            delete.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not forget policy change " + requestId, failure);
        }
    }

    @ReadOnly
    public Optional<ChangeStatus> find(String requestId) {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT policy_id, kind, expected_version, actor FROM policy_change_submission WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChangeStatus(requestId, row.getString(1), PolicyKind.valueOf(row.getString(2)),
                        ChangeStatus.Outcome.PENDING, row.getLong(3), null, null, null, row.getString(4), 0));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read policy change " + requestId, failure);
        }
    }

    private Connection connection() {
        return connections.getConnectionStatus().getConnection();
    }
}
