package dev.aispend.ingest.source.otlp.mapping;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a metric stream as OpenTelemetry's data model defines it: resource attributes, scope name,
 * metric name and point attributes, each attribute list sorted by key (order carries no meaning), every value
 * written with its type and length so no two different streams write the same text. SHA-256, hex. The same
 * stream sent as JSON or as protobuf has the same key.
 */
public final class StreamKeys {

    private StreamKeys() {
    }

    public static String of(List<KeyValue> resource, String scopeName, String metricName, List<KeyValue> point) {
        StringBuilder canonical = new StringBuilder();
        attributes(resource, canonical.append("resource"));
        field(canonical.append("scope"), scopeName);
        field(canonical.append("metric"), metricName);
        attributes(point, canonical.append("point"));
        return sha256(canonical.toString());
    }

    /** A cumulative series: the stream and the start time its running total counts from. */
    public static String series(String streamKey, long startTimeUnixNano) {
        return sha256(streamKey + "\n" + startTimeUnixNano);
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

    private static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is required of every JVM", unavailable);
        }
    }
}
