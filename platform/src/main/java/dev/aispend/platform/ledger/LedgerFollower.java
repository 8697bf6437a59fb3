package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.platform.kafka.BatchHandler;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a polled batch of ledger.v1 and hands it to a {@link LedgerProjection}. An entry that does not decode
 * fails the batch, which is retried: a follower must not skip a ledger entry, and ledger.v1 is written only by
 * the ledger, so such an entry is a bug to fix, not input to set aside.
 */
public final class LedgerFollower implements BatchHandler {
    private final JsonMapper json;
    private final LedgerProjection projection;

    public LedgerFollower(JsonMapper json, LedgerProjection projection) {
        this.json = json;
        this.projection = projection;
    }

    @Override
    public void handle(List<ConsumerRecord<String, byte[]>> batch) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> message : batch) {
            try {
                entries.add(json.readValue(message.value(), LedgerEntry.class));
            } catch (IOException | RuntimeException unreadable) {
                throw new IOException("undecodable ledger.v1 entry at offset " + message.offset(), unreadable);
            }
        }
        projection.apply(entries);
    }
}
