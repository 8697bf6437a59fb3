package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.ingest.identity.Pseudonymizer;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a metric stream as OpenTelemetry's data model defines it: resource attributes, scope name,
 * metric name and point attributes, each attribute list sorted by key (order carries no meaning), every value
 * written with its type and length so no two different streams write the same text. The same stream sent as JSON
 * or as protobuf has the same key.
 *
 * <p>Keyed: a stream's attributes hold personal values ({@code user.email}, {@code user.account_uuid},
 * {@code user.id}, a host or user name an SDK adds), and the key is the root of the points' record ids (which
 * leave ingest) and of the series rows in {@code otlp_series}. A plain hash could be recomputed from a list of
 * emails to confirm who a record is about; this one needs the pseudonym key (PSEUDONYM_KEY). It is HMAC-SHA384
 * with that key over a label and the stream's text, the first 256 bits in hex: a different function than the
 * Pseudonymizer's HMAC-SHA256, so no ref it publishes (which a client partly chooses through its aliases) can
 * stand in for a stream key. The same stream under the same key always has the same key; another pseudonym key
 * gives every stream another key (so every cumulative series starts anew, docs/otlp.md).
 */
public final class StreamKeys {
    private static final String ALGORITHM = "HmacSHA384";
    private static final byte[] LABEL = "aispend otlp stream key v1\0".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = 32;

    private final Mac prototype;

    private StreamKeys(byte[] key) {
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(ALGORITHM + " is not available", unavailable);
        }
    }

    /** @param base64Key the pseudonym key (PSEUDONYM_KEY), at least {@link Pseudonymizer#MINIMUM_KEY_BYTES} */
    public static StreamKeys keyed(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("a pseudonym key is required (PSEUDONYM_KEY)");
        }
        byte[] key = Base64.getDecoder().decode(base64Key.strip());
        if (key.length < Pseudonymizer.MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must be at least "
                    + Pseudonymizer.MINIMUM_KEY_BYTES + " bytes, was " + key.length);
        }
        return new StreamKeys(key);
    }

    public String of(List<KeyValue> resource, String scopeName, String metricName, List<KeyValue> point) {
        Mac mac = newMac();
        mac.update(LABEL);
        byte[] digest = mac.doFinal(canonical(resource, scopeName, metricName, point)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
    }

    /**
     * A cumulative series: the (keyed) stream and the start time its running total counts from. SHA-256 over the
     * keyed stream key needs no key of its own: nothing personal can be recomputed into it without the key.
     */
    public static String series(String streamKey, long startTimeUnixNano) {
        return sha256(streamKey + "\n" + startTimeUnixNano);
    }

    /** The stream's text before it is keyed; package-visible for tests that check the key is not its plain hash. */
    static String canonical(List<KeyValue> resource, String scopeName, String metricName, List<KeyValue> point) {
        StringBuilder canonical = new StringBuilder();
        attributes(resource, canonical.append("resource"));
        field(canonical.append("scope"), scopeName);
        field(canonical.append("metric"), metricName);
        attributes(point, canonical.append("point"));
        return canonical.toString();
    }

    private static void attributes(List<KeyValue> attributes, StringBuilder canonical) {
        List<KeyValue> sorted = attributes.stream().sorted(Comparator.comparing(KeyValue::getKey)).toList();
        canonical.append('[').append(sorted.size()).append(']');
        for (KeyValue attribute : sorted) {
            field(canonical, attribute.getKey());
            value(attribute.getValue(), canonical);
        }
    }

    private static void value(AnyValue value, StringBuilder canonical) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> field(canonical.append('s'), value.getStringValue());
            case BOOL_VALUE -> field(canonical.append('b'), Boolean.toString(value.getBoolValue()));
            case INT_VALUE -> field(canonical.append('i'), Long.toString(value.getIntValue()));
            case DOUBLE_VALUE -> field(canonical.append('d'), Double.toString(value.getDoubleValue()));
            case BYTES_VALUE -> field(canonical.append('x'), HexFormat.of().formatHex(
                    value.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                List<AnyValue> elements = value.getArrayValue().getValuesList();
                canonical.append("a[").append(elements.size()).append(']');
                elements.forEach(element -> value(element, canonical));
            }
            case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList(), canonical.append('m'));
            default -> canonical.append('-');
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is required of every JVM", unavailable);
        }
    }

    /** A Mac is not thread-safe; cloning the initialised prototype is cheaper than initialising anew. */
    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            throw new IllegalStateException(ALGORITHM + " provider does not support clone", notCloneable);
        }
    }
}
