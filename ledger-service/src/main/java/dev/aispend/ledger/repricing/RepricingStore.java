package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a re-pricing reads, on the connection of the appending transaction (which holds the ledger head lock, so
 * it reads the whole ledger up to the head and nothing can be appended meanwhile). Selections use the indexed
 * attribute columns (model, occurredAt); payloads are read through the service's Axon serializer, which reads
 * every stored type, the foundation's included.
 */
@Singleton
final class RepricingStore {
    private static final String SPEND_RECORDED = LedgerEventType.SPEND_RECORDED.typeName();
    private static final String LEGACY_USAGE = LedgerEventType.LEGACY_USAGE_RECORDED.typeName();
    private static final String SPEND_REPRICED = LedgerEventType.SPEND_REPRICED.typeName();

    private final ConnectionProvider connections;
    private final Serializer serializer;

    RepricingStore(ConnectionProvider connections, Serializer serializer) {
        this.connections = connections;
        this.serializer = serializer;
    }

    /** One idempotency_key row of a re-pricing: which spend it corrected, where, and with what content hash. */
    record RecordedKey(long originalPosition, String contentSha256, long position) {
    }

    List<RecordedKey> recordedKeys(String repricingId) throws SQLException {
        List<RecordedKey> keys = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT key, content_sha256, position "
                     + "FROM idempotency_key WHERE kind = ? AND starts_with(key, ?) ORDER BY position")) {
            query.setString(1, RepricingKeys.KIND);
            query.setString(2, RepricingKeys.prefixOf(repricingId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(new RecordedKey(RepricingKeys.originalPositionOf(rows.getString(1)),
                            rows.getString(2), rows.getLong(3)));
                }
            }
        }
        return keys;
    }

    /**
     * The spend of {@code model} that occurred in [from, to) and was recorded at or before {@code upToPosition},
     * in ledger order, at most {@code limit} (a caller asks for one more than it accepts, to tell "too many").
     */
    List<SpendCandidate> spendInWindow(String model, Instant from, Instant to, long upToPosition, int limit)
            throws SQLException {
        List<SpendCandidate> candidates = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT ledgerPosition, payloadType, payloadRevision, payload FROM DomainEventEntry "
                             + "WHERE model = ? AND occurredAt >= ? AND occurredAt < ? AND ledgerPosition <= ? "
                             + "AND payloadType IN (?, ?) ORDER BY ledgerPosition LIMIT ?")) {
            setWindow(query, model, from, to);
            query.setLong(4, upToPosition);
            query.setString(5, SPEND_RECORDED);
            query.setString(6, LEGACY_USAGE);
            query.setInt(7, limit);
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Object payload = deserialize(rows);
                    SpendRecorded recorded = payload instanceof LegacyUsageRecorded legacy
                            ? legacy.toSpendRecorded() : (SpendRecorded) payload;
                    candidates.add(new SpendCandidate(rows.getLong(1), recorded));
                }
            }
        }
        return candidates;
    }

    /**
     * Per original position, the spend as the latest re-pricing left it. A correction carries its original's
     * model and occurredAt, so the corrections of the window's spend are in the same window of the same model.
     */
    Map<Long, Spend> latestRepricedSpend(String model, Instant from, Instant to) throws SQLException {
        Map<Long, Spend> latest = new HashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT ledgerPosition, payloadType, payloadRevision, payload FROM DomainEventEntry "
                             + "WHERE model = ? AND occurredAt >= ? AND occurredAt < ? AND payloadType = ? "
                             + "ORDER BY ledgerPosition")) {
            setWindow(query, model, from, to);
            query.setString(4, SPEND_REPRICED);
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SpendRepriced repriced = (SpendRepriced) deserialize(rows);
                    latest.put(repriced.originalPosition(), repriced.repriced());
                }
            }
        }
        return latest;
    }

    /** The corrections stored at {@code positions} (the ones a re-pricing recorded), in ledger order. */
    List<SpendRepriced> repricedAt(List<Long> positions) throws SQLException {
        List<SpendRepriced> entries = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT ledgerPosition, payloadType, payloadRevision, payload FROM DomainEventEntry "
                             + "WHERE ledgerPosition = ANY (?) AND payloadType = ? ORDER BY ledgerPosition")) {
            query.setArray(1, connection.createArrayOf("bigint", positions.toArray(Long[]::new)));
            query.setString(2, SPEND_REPRICED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add((SpendRepriced) deserialize(rows));
                }
            }
        }
        return entries;
    }

    private static void setWindow(PreparedStatement query, String model, Instant from, Instant to)
            throws SQLException {
        query.setString(1, model);
        query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private Object deserialize(ResultSet row) throws SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(4), byte[].class, row.getString(2),
                row.getString(3)));
    }
}
