package dev.aispend.ledger.repricing;

import dev.aispend.ledger.append.AppendContext;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The idempotency key of one corrected spend: kind {@code repricing}, key {@code <repricingId>/<originalPosition>},
 * so a re-pricing corrects each spend at most once, and a content hash of what the correction applies (the id,
 * the position and the rate card version), so a repeat with another card is told apart from a retry.
 */
final class RepricingKeys {
    static final String KIND = "repricing";
    private static final String SEPARATOR = "/";

    private RepricingKeys() {
    }

    static AppendContext.IdempotencyKey of(String repricingId, long originalPosition, String rateCardId,
                                           long rateCardVersion) {
        return new AppendContext.IdempotencyKey(KIND, key(repricingId, originalPosition),
                contentSha256(repricingId, originalPosition, rateCardId, rateCardVersion));
    }

    static String key(String repricingId, long originalPosition) {
        return repricingId + SEPARATOR + originalPosition;
    }

    /** Every key of a re-pricing starts with this; repricing ids hold no '/', so no id's prefix is another's. */
    static String prefixOf(String repricingId) {
        return repricingId + SEPARATOR;
    }

    static long originalPositionOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(SEPARATOR) + 1));
    }

    /**
     * SHA-256 (lower-case hex) of {@code repricing-content/1}, then each field as its UTF-8 length (4 bytes) and
     * bytes: length-prefixed, so no two different field lists hash the same bytes.
     */
    static String contentSha256(String repricingId, long originalPosition, String rateCardId, long rateCardVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {"repricing-content/1", repricingId, Long.toString(originalPosition),
                    rateCardId, Long.toString(rateCardVersion)}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }
}
