package dev.aispend.ingest.source;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for sources that send none (an OTLP data point, a provider report's bucket and group): {@code <prefix>-}
 * and the first 128 bits of SHA-256 over the identifying fields, each written as {@code <UTF-8 length>:<value>\n}
 * (or {@code -\n} when absent) so no value can pass for a field boundary. Importing the same export twice gives
 * the same ids, and the ledger records each id once.
 */
public final class DeterministicIds {
    private static final int ID_BYTES = 16;

    private DeterministicIds() {
    }

    public static String of(String prefix, @Nullable Object... identifyingFields) {
        StringBuilder canonical = new StringBuilder(prefix).append('\n');
        for (Object field : identifyingFields) {
            if (field == null) {
                canonical.append("-\n");
            } else {
                String value = field.toString();
                canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value)
                        .append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is required of every JVM", unavailable);
        }
    }
}
