package dev.aispend.ledger.append;

import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rate cards the ledger has recorded, as a {@link RateCardBook}, kept in memory and brought up to a ledger
 * position on demand. Asked only by a transaction that holds the ledger head lock, with the head it read: every
 * entry up to that head is committed, so the book is exactly the cards recorded before the entries that
 * transaction appends. Reads only PolicyChanged entries after what it has already (an indexed range).
 */
@Singleton
public final class RateCardRegistry {
    private static final String POLICY_CHANGED = LedgerEventType.POLICY_CHANGED.typeName();

    private final ConnectionProvider connections;
    private final Serializer serializer;
    private RateCardBook book = RateCardBook.empty();
    private long bookPosition;

    RateCardRegistry(ConnectionProvider connections, Serializer serializer) {
        this.connections = connections;
        this.serializer = serializer;
    }

    /** The cards recorded at positions 1..head; head is the locked ledger head of the caller's transaction. */
    public synchronized RateCardBook bookAt(long head) throws SQLException {
        if (head < bookPosition) {
            // The ledger only grows; a smaller head means another database or a restored backup: start over.
            book = RateCardBook.empty();
            bookPosition = 0;
        }
        if (head > bookPosition) {
            book = withCardsBetween(book, bookPosition, head);
            bookPosition = head;
        }
        return book;
    }

    private RateCardBook withCardsBetween(RateCardBook start, long after, long upTo) throws SQLException {
        RateCardBook extended = start;
        try (Connection connection = connections.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT ledgerPosition, payload, payloadRevision FROM DomainEventEntry "
                             + "WHERE payloadType = ? AND ledgerPosition > ? AND ledgerPosition <= ? "
                             + "ORDER BY ledgerPosition")) {
            query.setString(1, POLICY_CHANGED);
            query.setLong(2, after);
            query.setLong(3, upTo);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    PolicyChanged changed = serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(2),
                            byte[].class, POLICY_CHANGED, rows.getString(3)));
                    if (changed.kind() == PolicyKind.RATE_CARD) {
                        extended = extended.with(RateCardVersion.of(changed, rows.getLong(1)));
                    }
                }
            }
        }
        return extended;
    }
}
