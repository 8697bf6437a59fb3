package dev.aispend.ledger.intake;

import dev.aispend.ledger.command.UsageRecordAggregate;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The intake's own reads and writes, on the connection of the unit of work's transaction. */
@Singleton
final class IntakeStore {
    private final ConnectionProvider connections;

    IntakeStore(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * The content hash of each of these usage record ids the ledger has recorded already: one indexed query per
     * batch, the hash read from the recorded event's JSON payload.
     */
    Map<String, String> recordedContentHashes(Collection<String> usageRecordIds) throws SQLException {
        Map<String, String> recorded = new HashMap<>();
        if (usageRecordIds.isEmpty()) {
            return recorded;
        }
        String[] aggregateIdentifiers = usageRecordIds.stream().map(UsageRecordAggregate::identifierOf)
                .toArray(String[]::new);
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT aggregateIdentifier, convert_from(payload, 'UTF8')::jsonb ->> 'contentSha256' "
                             + "FROM DomainEventEntry WHERE aggregateIdentifier = ANY (?) AND sequenceNumber = 0")) {
            Array identifiers = connection.createArrayOf("varchar", aggregateIdentifiers);
            query.setArray(1, identifiers);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.put(rows.getString(1).substring(UsageRecordAggregate.IDENTIFIER_PREFIX.length()),
                            rows.getString(2));
                }
            }
        }
        return recorded;
    }

    /** Keeps an undecodable message for an operator; a redelivery of the same offset is stored once. */
    void quarantine(DecodedBatch.Undecodable undecodable) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO quarantined_message (topic, kafka_partition, kafka_offset, record_key, payload, reason) "
                             + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING")) {
            insert.setString(1, undecodable.message().topic());
            insert.setInt(2, undecodable.message().partition());
            insert.setLong(3, undecodable.message().offset());
            insert.setString(4, undecodable.message().key());
            insert.setBytes(5, undecodable.message().value());
            insert.setString(6, undecodable.reason());
            insert.executeUpdate();
        }
    }
}
