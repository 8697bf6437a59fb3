package dev.aispend.ledger.intake;

import dev.aispend.contracts.identity.IdentityMessage;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.platform.kafka.TopicNames;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes messages of the five intake topics into their records, by topic (identity.v1 carries more than one
 * record, named by a header: {@link IdentityMessage}); one that does not decode, is of a type this build does not
 * know, or is a decision out of the ledger's bounds ({@link DecisionLimits}), is set aside with its reason, never
 * dropped.
 */
@Singleton
final class IntakeDecoder {
    private final JsonMapper json;
    private final Map<String, Class<?>> recordTypeByTopic;
    private final String identityTopic;

    IntakeDecoder(JsonMapper json, TopicNames topics) {
        this.json = json;
        this.identityTopic = topics.identity();
        this.recordTypeByTopic = Map.of(
                topics.usage(), UsageRecord.class,
                topics.outcomes(), OutcomeRecord.class,
                topics.policyChanges(), PolicyChangeRequest.class,
                topics.decisions(), PolicyDecision.class,
                topics.identity(), IdentityMessage.class);
    }

    List<String> topics() {
        return List.copyOf(recordTypeByTopic.keySet());
    }

    DecodedBatch decode(List<ConsumerRecord<String, byte[]>> batch) {
        List<DecodedBatch.Decoded> records = new ArrayList<>(batch.size());
        List<DecodedBatch.Undecodable> undecodable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> message : batch) {
            try {
                Class<?> type = recordTypeOf(message);
                if (type == null) {
                    throw new IllegalArgumentException("no record type for topic " + message.topic());
                }
                if (message.value() == null) {
                    throw new IllegalArgumentException("empty message");
                }
                Object record = json.readValue(message.value(), type);
                if (record instanceof PolicyDecision decision) {
                    List<String> problems = DecisionLimits.problems(decision, json);
                    if (!problems.isEmpty()) {
                        throw new IllegalArgumentException("decision " + abbreviated(decision.decisionId())
                                + " is out of bounds: " + String.join("; ", problems));
                    }
                }
                records.add(new DecodedBatch.Decoded(message, record));
            } catch (IOException | RuntimeException unreadable) {
                undecodable.add(new DecodedBatch.Undecodable(message, String.valueOf(unreadable.getMessage())));
            }
        }
        return new DecodedBatch(records, undecodable);
    }

    private Class<?> recordTypeOf(ConsumerRecord<String, byte[]> message) {
        if (!message.topic().equals(identityTopic)) {
            return recordTypeByTopic.get(message.topic());
        }
        Header type = message.headers().lastHeader(IdentityMessage.TYPE_HEADER);
        return IdentityMessage.recordType(type == null || type.value() == null ? null
                : new String(type.value(), StandardCharsets.UTF_8));
    }

    /** Enough of an id to find the message by, however long the id that was refused for its length. */
    private static String abbreviated(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }
}
