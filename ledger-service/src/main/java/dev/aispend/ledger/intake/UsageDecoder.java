package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.UsageRecord;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Decodes usage.v1 messages; one that does not decode is set aside with its reason, never dropped. */
@Singleton
final class UsageDecoder {
    private final JsonMapper json;

    UsageDecoder(JsonMapper json) {
        this.json = json;
    }

    DecodedBatch decode(List<ConsumerRecord<String, byte[]>> batch) {
        List<UsageRecord> records = new ArrayList<>(batch.size());
        List<DecodedBatch.Undecodable> undecodable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> message : batch) {
            try {
                records.add(json.readValue(message.value(), UsageRecord.class));
            } catch (IOException | RuntimeException unreadable) {
                undecodable.add(new DecodedBatch.Undecodable(message, String.valueOf(unreadable.getMessage())));
            }
        }
        return new DecodedBatch(records, undecodable);
    }
}
