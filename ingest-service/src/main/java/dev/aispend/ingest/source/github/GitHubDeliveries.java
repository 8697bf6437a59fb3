package dev.aispend.ingest.source.github;

import dev.aispend.ingest.acceptance.StoreUnavailableException;
import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The deliveries already received ({@code github_delivery}, V3__github_deliveries.sql), on the caller's
 * connection so the row joins the caller's transaction: {@link GitHubWebhookReceiver} commits it only once Kafka
 * acknowledged the delivery's outcome. Two requests carrying one delivery at once are serialized by the primary
 * key: the second waits for the first's transaction, then finds its row (or, if it rolled back, takes its place).
 */
final class GitHubDeliveries {
    private static final String CLAIM = """
            INSERT INTO github_delivery (delivery_id, event, received_at, outcome_id, body_sha256)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING""";
    private static final String FIND = "SELECT outcome_id, body_sha256 FROM github_delivery WHERE delivery_id = ?";

    private GitHubDeliveries() {
    }

    /**
     * Records {@code delivery} in the caller's transaction, or answers what was recorded for its id before (and
     * records nothing).
     */
    static Optional<Earlier> claim(Connection connection, Delivery delivery, @Nullable String outcomeId,
                                   Instant receivedAt) {
        try {
            return claimed(connection, delivery, outcomeId, receivedAt);
        } catch (SQLException failure) {
            // 503, not 500: GitHub redelivers on request, and nothing was committed.
            throw new StoreUnavailableException("the GitHub delivery could not be recorded", failure);
        }
    }

    private static Optional<Earlier> claimed(Connection connection, Delivery delivery, @Nullable String outcomeId,
                                             Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, delivery.id());
            insert.setString(2, delivery.event());
            insert.setTimestamp(3, Timestamp.from(receivedAt));
            insert.setString(4, outcomeId);
            insert.setString(5, delivery.bodySha256());
            if (insert.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, delivery.id());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("delivery " + delivery.id() + " conflicted but is not recorded");
                }
                return Optional.of(new Earlier(row.getString(1), row.getString(2)));
            }
        }
    }

    /** One webhook delivery: {@code X-GitHub-Delivery}, {@code X-GitHub-Event}, hex SHA-256 of the raw body. */
    record Delivery(String id, String event, String bodySha256) {
    }

    /** What was recorded for a delivery id before. */
    record Earlier(@Nullable String outcomeId, String bodySha256) {
    }
}
