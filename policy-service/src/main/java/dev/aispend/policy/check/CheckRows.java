package dev.aispend.policy.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import static dev.aispend.policy.check.ReservationStore.utc;

/** The check_request and check_decision_outbox statements of {@link ReservationStore}. */
final class CheckRows {
    private CheckRows() {
    }

    static Optional<ReservationStore.StoredCheck> find(Connection connection, String checkId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT request_sha256, response FROM check_request WHERE check_id = ?")) {
            select.setString(1, checkId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new ReservationStore.StoredCheck(row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The outbox row and the answer, in one statement; no answer row means a concurrent check committed the same
     * checkId first, and this transaction must roll back ({@link CheckIdTakenException}).
     */
    static void insert(Connection connection, CheckPlan plan, CheckDocuments documents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                WITH decision AS (
                    INSERT INTO check_decision_outbox (decision_id, subject, payload, created_at)
                    VALUES (?, ?, ?, ?)
                    -- The same check committed meanwhile (same checkId and millisecond): the answer row says so.
                    ON CONFLICT (decision_id) DO NOTHING)
                INSERT INTO check_request (check_id, request_sha256, response, checked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (check_id) DO NOTHING""")) {
            insert.setString(1, documents.decisionId());
            insert.setString(2, documents.subject());
            insert.setString(3, documents.decisionJson());
            insert.setObject(4, utc(plan.checkedAt()));
            insert.setString(5, plan.checkId());
            insert.setString(6, plan.requestSha256());
            insert.setString(7, documents.responseJson());
            insert.setObject(8, utc(plan.checkedAt()));
            if (insert.executeUpdate() == 0) {
                throw new CheckIdTakenException(plan.checkId());
            }
        }
    }

    static int forget(Connection connection, Instant checkedBefore, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM check_request WHERE check_id IN (
                    SELECT check_id FROM check_request WHERE checked_at < ? ORDER BY checked_at LIMIT ?)""")) {
            delete.setObject(1, utc(checkedBefore));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }
}
