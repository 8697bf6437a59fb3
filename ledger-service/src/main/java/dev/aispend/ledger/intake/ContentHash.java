package dev.aispend.ledger.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (lower-case hex) of an intake record's content, to tell a retry (same key, same content) from a
 * conflict (same key, other content), for every record type but usage (which keeps its own form,
 * {@link UsageContentHash}, because recorded hashes are never rewritten). The canonical form, version 1:
 * {@code <kind>-content/1\n} followed by the record as JSON with object keys sorted (records' properties and
 * maps alike), no whitespace, ISO-8601 instants, and the arrival stamps ({@code receivedAt}, {@code requestedAt})
 * removed, since a sender stamps them anew on every retry, and so are optional fields added later (outcomes'
 * {@code count} and {@code accounting}, decisions' {@code triggerPosition} and {@code evidence}) when they are
 * null. Nested maps (a decision's evidence) are sorted by key at every level, and numbers are written by value,
 * so neither the order a sender built its maps in nor the Java type of a number changes the hash.
 */
public final class ContentHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Outcomes' {@code count} and {@code accounting}; decisions' {@code triggerPosition} and {@code evidence}. */
    private static final java.util.List<String> OPTIONAL_ADDED_LATER = java.util.List.of("count", "accounting",
            "triggerPosition", "evidence");

    private ContentHash() {
    }

    public static String of(String kind, Object record) {
        ObjectNode tree = CANONICAL.valueToTree(record);
        tree.remove("receivedAt");
        tree.remove("requestedAt");
        // Fields added as optional after version 1 are left out when absent, so a record sent before they
        // existed hashes as it always did.
        for (String addedLater : OPTIONAL_ADDED_LATER) {
            if (tree.path(addedLater).isNull()) {
                tree.remove(addedLater);
            }
        }
        try {
            // valueToTree keeps sorted property order; re-reading as Object sorts nested maps on write.
            Object sorted = CANONICAL.treeToValue(tree, Object.class);
            byte[] json = CANONICAL.writeValueAsBytes(sorted);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((kind + "-content/1\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("could not hash a " + kind + " record", impossible);
        }
    }
}
