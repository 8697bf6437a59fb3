package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 (lower-case hex) of a usage record's content, to tell a retry (same id, same content) from a conflict
 * (same id, other content). The canonical form is fixed; changing it needs a new version line, because
 * recorded hashes are never rewritten (docs/adr/0006-idempotency-by-content.md):
 * <pre>
 * usage-content/1\n
 * then, each as &lt;UTF-8 byte length&gt;:&lt;value&gt;\n, in this order:
 *   usageRecordId, occurredAt (ISO-8601, UTC, as Instant.toString), source, team, personRef, model
 * then each token count as a decimal followed by \n:
 *   inputTokens, outputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens, reasoningTokens
 * </pre>
 * receivedAt is left out on purpose: ingest stamps it anew on every retry.
 *
 * <p>Version 2 adds the optional fields (provider, costCenter, purpose, sessionId, requestId, each as
 * {@code <length>:<value>\n} or {@code -\n} when absent, then reportedCostUsdMicros as a decimal or {@code -},
 * followed by \n) after the token counts, under the line {@code usage-content/2\n}. A record that has none of
 * them hashes as version 1, so records recorded by the foundation still match their retries.
 *
 * <p>Version 3 (line {@code usage-content/3\n}) is version 2's form followed by the accounting
 * ({@code SPEND} or {@code EVIDENCE}, then \n) and the extra attributes: their count as a decimal and \n, then
 * each key and value, sorted by key, as {@code <length>:<value>\n}. It is used only for evidence or a record with
 * attributes, so every record a version-2 sender could send hashes as before.
 */
public final class UsageContentHash {
    static final String VERSION_LINE = "usage-content/1\n";
    static final String VERSION_2_LINE = "usage-content/2\n";
    static final String VERSION_3_LINE = "usage-content/3\n";

    private UsageContentHash() {
    }

    public static String of(UsageRecord record) {
        boolean hasVersion3Fields = !record.countsAsSpend() || record.attributes() != null;
        boolean hasOptionalFields = hasVersion3Fields || record.provider() != null || record.costCenter() != null
                || record.purpose() != null || record.sessionId() != null || record.requestId() != null
                || record.reportedCostUsdMicros() != null;
        StringBuilder canonical = new StringBuilder(hasVersion3Fields ? VERSION_3_LINE
                : hasOptionalFields ? VERSION_2_LINE : VERSION_LINE);
        appendText(canonical, record.usageRecordId());
        appendText(canonical, record.occurredAt().toString());
        appendText(canonical, record.source());
        appendText(canonical, record.team());
        appendText(canonical, record.personRef());
        appendText(canonical, record.model());
        TokenCounts tokens = record.tokens();
        for (long count : new long[] {tokens.inputTokens(), tokens.outputTokens(), tokens.cacheReadTokens(),
                tokens.cacheWrite5mTokens(), tokens.cacheWrite1hTokens(), tokens.reasoningTokens()}) {
            canonical.append(count).append('\n');
        }
        if (hasOptionalFields) {
            for (String optional : new String[] {record.provider(), record.costCenter(), record.purpose(),
                    record.sessionId(), record.requestId()}) {
                if (optional == null) {
                    canonical.append("-\n");
                } else {
                    appendText(canonical, optional);
                }
            }
            Long reported = record.reportedCostUsdMicros();
            canonical.append(reported == null ? "-" : reported.toString()).append('\n');
        }
        if (hasVersion3Fields) {
            canonical.append(record.countsAsSpend() ? "SPEND" : "EVIDENCE").append('\n');
            Map<String, String> attributes = record.attributes() == null ? Map.of() : record.attributes();
            canonical.append(attributes.size()).append('\n');
            new TreeMap<>(attributes).forEach((key, value) -> {
                appendText(canonical, key);
                appendText(canonical, value);
            });
        }
        return HexFormat.of().formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Length-prefixed, so no value can be mistaken for a field boundary, whatever characters it holds. */
    private static void appendText(StringBuilder canonical, String value) {
        canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is required of every JVM", unavailable);
        }
    }
}
