package dev.aispend.ledger.append;

import dev.aispend.ledger.leadership.LedgerStandbyException;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The appending transaction's own reads and writes, on the connection of the unit of work's transaction: the
 * ledger head lock, idempotency keys, the post-condition check of what was appended, and the quarantine.
 */
@Singleton
public final class AppendStore {
    private final ConnectionProvider connections;

    AppendStore(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * Locks the ledger head until the transaction ends and returns the last position: every append is serialized
     * behind this lock, so what this transaction reads next (rate cards, idempotency keys) is the whole ledger
     * before its own entries.
     */
    public long lockHead() throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement lock = connection.prepareStatement(
                     "SELECT last_position FROM ledger_head WHERE id = 1 FOR UPDATE");
             ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("ledger_head has no row; is the migration applied?");
            }
            return row.getLong(1);
        }
    }

    /**
     * The fencing check (ADR 0013): the lease row must still carry the epoch this instance took, or another instance
     * has become leader and this transaction must not append. FOR SHARE holds a takeover (an UPDATE of the row)
     * until this transaction ends, so no new leader's first append can come before this transaction's commit.
     */
    public void checkLeaderEpoch(long epoch) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT epoch FROM ledger_leader WHERE id = 1 FOR SHARE");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("ledger_leader has no row; is the migration applied?");
            }
            long current = row.getLong(1);
            if (current != epoch) {
                throw new LedgerStandbyException(epoch, current);
            }
        }
    }

    /** The content hash each of these keys of one kind was recorded with; absent keys are new. */
    public Map<String, String> recordedContentHashes(String kind, Collection<String> keys) throws SQLException {
        Map<String, String> recorded = new HashMap<>();
        if (keys.isEmpty()) {
            return recorded;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT key, content_sha256 FROM idempotency_key WHERE kind = ? AND key = ANY (?)")) {
            query.setString(1, kind);
            query.setArray(2, connection.createArrayOf("varchar", keys.toArray(String[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return recorded;
    }

    /** The stored type of each entry after {@code position}, in order: what this transaction appended. */
    public List<String> typesAppendedAfter(long position) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadType FROM DomainEventEntry WHERE ledgerPosition > ? ORDER BY ledgerPosition")) {
            query.setLong(1, position);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    /** Writes idempotency keys; the primary key refuses a key recorded twice, failing the whole transaction. */
    public void insertIdempotencyKeys(List<IdempotencyKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO idempotency_key (kind, key, content_sha256, position) VALUES (?, ?, ?, ?)")) {
            for (IdempotencyKey key : keys) {
                insert.setString(1, key.kind());
                insert.setString(2, key.key());
                insert.setString(3, key.contentSha256());
                insert.setLong(4, key.position());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Keeps a message for an operator; a redelivery of the same offset is stored once. */
    public void quarantine(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> message, String reason)
            throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO quarantined_message (topic, kafka_partition, kafka_offset, record_key, payload, reason) "
                             + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING")) {
            insert.setString(1, message.topic());
            insert.setInt(2, message.partition());
            insert.setLong(3, message.offset());
            insert.setString(4, message.key());
            insert.setBytes(5, message.value());
            insert.setString(6, reason);
            insert.executeUpdate();
        }
    }

    /** One row of idempotency_key: a (kind, key) recorded once, at a position, with a content hash. */
    public record IdempotencyKey(String kind, String key, String contentSha256, long position) {
    }
}
