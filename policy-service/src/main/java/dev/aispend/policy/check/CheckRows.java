package dev.aispend.policy.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import static dev.aispend.policy.check.ReservationStore.utc;

/** The check_request statements of {@link ReservationStore} beside the check itself ({@link CheckStatements}). */
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
