package dev.aispend.ingest.source.github;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Reads {@code github_delivery} directly, to show what a request did (or did not) store. */
@Singleton
final class DeliveryRows {
    private final TransactionOperations<Connection> transactions;

    DeliveryRows(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** How many of {@code deliveryIds} are recorded. */
    int count(String... deliveryIds) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM github_delivery WHERE delivery_id = ANY (?)")) {
                statement.setArray(1, status.getConnection().createArrayOf("text", deliveryIds));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** The outcome recorded for a delivery; empty when there is no row or the delivery was ignored. */
    Optional<String> outcomeOf(String deliveryId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT outcome_id FROM github_delivery WHERE delivery_id = ?")) {
                statement.setString(1, deliveryId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
