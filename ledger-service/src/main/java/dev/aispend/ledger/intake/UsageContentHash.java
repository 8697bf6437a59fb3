package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
 */
public final class UsageContentHash {
    static final String VERSION_LINE = "usage-content/1\n";

    private UsageContentHash() {
    }

    public static String of(UsageRecord record) {
        StringBuilder canonical = new StringBuilder(VERSION_LINE);
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
