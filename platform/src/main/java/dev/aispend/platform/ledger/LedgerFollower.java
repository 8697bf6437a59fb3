package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.platform.kafka.BatchHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a polled batch of ledger.v1 and applies it to one {@link LedgerProjection} after that projection's
 * checkpoint, in one transaction. An entry that does not decode, or whose type this build does not know, fails
 * the batch, which is retried: a follower must not skip a ledger entry, and ledger.v1 is written only by the
 * ledger, so such an entry is a bug to fix (or a reader to deploy), not input to set aside.
 *
 * <p>The one exception: messages in the foundation's format (before entries were sealed; they carry
 * {@code ledgerPosition} and no {@code payloadBase64}). The ledger's schema V2 re-publishes every entry from
 * position 1 as a sealed envelope, so those messages are superseded by copies later on the topic and are
 * passed over, counted in the log.
 */
public final class LedgerFollower implements BatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollower.class);

    private final LedgerPayloadDecoder decoder;
    private final LedgerTransactions transactions;
    private final LedgerProjection projection;
    private final DecodedMessages decoded;

    /** A follower that decodes every message itself (a service's only projection, a rebuild). */
    public LedgerFollower(LedgerPayloadDecoder decoder, LedgerTransactions transactions, LedgerProjection projection) {
        this(decoder, transactions, projection, new DecodedMessages(0));
    }

    /** A follower that shares what it decodes with the service's other projections' followers. */
    public LedgerFollower(LedgerPayloadDecoder decoder, LedgerTransactions transactions, LedgerProjection projection,
                          DecodedMessages decoded) {
        this.decoder = decoder;
        this.transactions = transactions;
        this.projection = projection;
        this.decoded = decoded;
    }

    @Override
    public void handle(List<ConsumerRecord<String, byte[]>> batch) throws IOException {
        List<LedgerEvent> events = decode(batch);
        transactions.inTransaction(connection -> LedgerCheckpoint.applyAfterCheckpoint(connection,
                projection.name(), events, fresh -> projection.apply(connection, fresh)));
    }

    /** Decodes the whole batch before the transaction starts, so the transaction holds its locks briefly. */
    public List<LedgerEvent> decode(List<ConsumerRecord<String, byte[]>> batch) throws IOException {
        List<LedgerEvent> events = new ArrayList<>(batch.size());
        int superseded = 0;
        for (ConsumerRecord<String, byte[]> message : batch) {
            LedgerEvent known = decoded.find(message);
            if (known != null) {
                events.add(known);
                continue;
            }
            LedgerEnvelope envelope;
            try {
                envelope = decoder.envelope(message.value());
            } catch (IOException | RuntimeException unreadable) {
                if (isFoundationEntry(message.value())) {
                    superseded++;
                    continue;
                }
                throw new IOException("undecodable ledger.v1 envelope at offset " + message.offset(), unreadable);
            }
            try {
                LedgerEvent event = decoder.decode(envelope);
                decoded.keep(message, event);
                events.add(event);
            } catch (LedgerPayloadDecoder.UnknownLedgerEventTypeException unknown) {
                throw unknown;
            } catch (IOException | RuntimeException unreadable) {
                throw new IOException("undecodable payload of ledger position " + envelope.position() + " ("
                        + envelope.eventType() + " version " + envelope.schemaVersion() + ")", unreadable);
            }
        }
        if (superseded > 0) {
            LOG.info("passed over {} ledger.v1 messages in the foundation's format, superseded by sealed copies",
                    superseded);
        }
        return events;
    }

    /** The foundation's LedgerEntry JSON: a ledgerPosition, and none of the sealed envelope's payload. */
    static boolean isFoundationEntry(byte[] message) {
        if (message == null) {
            return false;
        }
        String text = new String(message, StandardCharsets.UTF_8);
        return text.startsWith("{\"ledgerPosition\":") && !text.contains("\"payloadBase64\"");
    }
}
