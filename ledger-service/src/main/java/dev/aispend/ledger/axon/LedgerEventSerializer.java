package dev.aispend.ledger.axon;

import dev.aispend.contracts.ledger.LedgerEventType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Optional;

/**
 * Axon's Jackson serializer, storing ledger payloads under their event type name and schema version
 * ({@code SpendRecorded}, {@code 1}) instead of a Java class name: the stored type is part of every entry hash
 * and of ledger.v1, so it must not change when a class moves. The foundation's two event types keep the class
 * names they were stored under and are read into today's records ({@link LedgerEventType}): that mapping is the
 * upcasting, and it never rewrites a stored byte. Anything else (metadata) is Axon's default.
 */
final class LedgerEventSerializer extends JacksonSerializer {

    LedgerEventSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        Optional<LedgerEventType> eventType = LedgerEventType.forNewPayload(type);
        if (eventType.isPresent()) {
            return new SimpleSerializedType(eventType.get().typeName(),
                    Integer.toString(eventType.get().schemaVersion()));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        String revision = serializedType.getRevision();
        if (revision != null && revision.chars().allMatch(Character::isDigit) && !revision.isEmpty()) {
            Optional<LedgerEventType> eventType = LedgerEventType.of(serializedType.getName(),
                    Integer.parseInt(revision));
            if (eventType.isPresent()) {
                return eventType.get().payloadClass().getName();
            }
        }
        return super.resolveClassName(serializedType);
    }
}
