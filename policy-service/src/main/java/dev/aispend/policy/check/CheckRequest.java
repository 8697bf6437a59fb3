package dev.aispend.policy.check;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pre-flight check as the client asked it, validated ({@link CheckRequestParser}): who would spend (team and/or
 * person), on what (cost center, purpose, provider, model), and how much, either as a cost or as tokens that the
 * rate cards in force price. Exactly one of {@code estimatedCostUsdMicros} and {@code estimatedTokens} is set.
 *
 * @param checkId               the client's idempotency key; null to let the service name the check
 * @param reservationTtlSeconds how long an allowed check holds its reservation; null for the configured default
 */
public record CheckRequest(@Nullable String checkId, @Nullable String team, @Nullable String personRef,
                           @Nullable String costCenter, @Nullable String purpose, @Nullable String provider,
                           @Nullable String model, @Nullable Long estimatedCostUsdMicros,
                           @Nullable TokenCounts estimatedTokens, @Nullable Long reservationTtlSeconds) {

    public CheckRequest {
        if (team == null && personRef == null) {
            throw new IllegalArgumentException("a check names a team or a person");
        }
        if ((estimatedCostUsdMicros == null) == (estimatedTokens == null)) {
            throw new IllegalArgumentException("a check estimates either a cost or tokens");
        }
    }

    /** The same request under the id the service gave it. */
    public CheckRequest withCheckId(String id) {
        return new CheckRequest(id, team, personRef, costCenter, purpose, provider, model, estimatedCostUsdMicros,
                estimatedTokens, reservationTtlSeconds);
    }

    /**
     * SHA-256 (hex) of the request's content, to tell a retry (same content under the same checkId: the first
     * answer again) from a different check reusing an id (409). Every field is written with its length, so no
     * two different requests share an encoding.
     */
    public String contentSha256() {
        StringBuilder canonical = new StringBuilder();
        append(canonical, checkId);
        append(canonical, team);
        append(canonical, personRef);
        append(canonical, costCenter);
        append(canonical, purpose);
        append(canonical, provider);
        append(canonical, model);
        append(canonical, estimatedCostUsdMicros == null ? null : estimatedCostUsdMicros.toString());
        append(canonical, estimatedTokens == null ? null : estimatedTokens.inputTokens() + ","
                + estimatedTokens.outputTokens() + "," + estimatedTokens.cacheReadTokens() + ","
                + estimatedTokens.cacheWrite5mTokens() + "," + estimatedTokens.cacheWrite1hTokens() + ","
                + estimatedTokens.reasoningTokens());
        append(canonical, reservationTtlSeconds == null ? null : reservationTtlSeconds.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private static void append(StringBuilder canonical, @Nullable String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}
