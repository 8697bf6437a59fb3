package dev.aispend.ledger.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.ledger.entries.StoredEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final io.micronaut.serde.ObjectMapper SERDE = io.micronaut.serde.ObjectMapper.getDefault();

    @Test
    void reads_back_as_the_envelope_the_row_makes() throws IOException {
        StoredEntry entry = entry(42, "0b5c2a1e-7d1f-4c8e-9a0b-1c2d3e4f5a6b", "SpendRecorded",
                Instant.parse("2026-11-23T10:15:30.123456Z"), "{\"recordId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8));

        byte[] json = EnvelopeJson.of(entry);

        assertThat(SERDE.readValue(json, LedgerEnvelope.class)).isEqualTo(entry.toEnvelope());
        assertThat(fieldNames(json)).containsExactly("position", "eventId", "eventType", "schemaVersion",
                "recordedAt", "occurredAt", "previousHash", "entryHash", "payloadBase64");
    }

    @Test
    void leaves_out_an_absent_occurred_at_as_the_service_serde_does() throws IOException {
        StoredEntry entry = entry(7, "event-7", "PolicyChanged", null, new byte[0]);

        byte[] json = EnvelopeJson.of(entry);

        assertThat(fieldNames(json)).doesNotContain("occurredAt");
        assertThat(SERDE.readValue(json, LedgerEnvelope.class)).isEqualTo(entry.toEnvelope());
    }

    @Test
    void escapes_what_json_requires_in_free_text() throws IOException {
        StoredEntry entry = entry(3, "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 unit \u001f",
                "caf\u00e9 \u2603 \ud83d\ude00 / slash", Instant.EPOCH, "x".getBytes(StandardCharsets.UTF_8));

        byte[] json = EnvelopeJson.of(entry);

        JsonNode tree = JACKSON.readTree(json);
        assertThat(tree.get("eventId").asText()).isEqualTo(entry.eventId());
        assertThat(tree.get("eventType").asText()).isEqualTo(entry.eventType());
        assertThat(SERDE.readValue(json, LedgerEnvelope.class)).isEqualTo(entry.toEnvelope());
    }

    @Test
    void equals_the_general_serializer_on_seeded_random_entries() throws IOException {
        Random random = new Random(20261124L);
        for (int round = 0; round < 500; round++) {
            byte[] payload = new byte[random.nextInt(2_000)];
            random.nextBytes(payload);
            StoredEntry entry = entry(1 + random.nextInt(1_000_000), randomText(random), randomText(random),
                    random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                            random.nextInt(1_000_000_000)), payload);

            byte[] ours = EnvelopeJson.of(entry);
            byte[] general = SERDE.writeValueAsBytes(entry.toEnvelope());

            assertThat(withoutNulls(JACKSON.readTree(ours))).as("round %d", round)
                    .isEqualTo(withoutNulls(JACKSON.readTree(general)));
        }
    }

    private static StoredEntry entry(long position, String eventId, String eventType, Instant occurredAt,
                                     byte[] payload) {
        byte[] previous = new byte[32];
        byte[] hash = new byte[32];
        for (int index = 0; index < 32; index++) {
            previous[index] = (byte) (index * 7 + position);
            hash[index] = (byte) (255 - index * 3);
        }
        return new StoredEntry(position, eventId, eventType, "1", "2026-11-23T10:15:31.5Z", occurredAt, previous,
                hash, payload, "core");
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int index = 0; index < length; index++) {
            int kind = random.nextInt(4);
            text.append(switch (kind) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x60));
                case 2 -> (char) (0xa0 + random.nextInt(0x2000));
                default -> "\"\\/";
            });
        }
        return text.toString();
    }

    private static JsonNode withoutNulls(JsonNode tree) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(nullFields(tree));
        return tree;
    }

    private static List<String> nullFields(JsonNode tree) {
        List<String> names = new ArrayList<>();
        tree.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                names.add(field.getKey());
            }
        });
        return names;
    }

    private static List<String> fieldNames(byte[] json) throws IOException {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = JACKSON.readTree(json).fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
