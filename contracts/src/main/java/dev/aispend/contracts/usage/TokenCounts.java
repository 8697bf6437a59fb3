package dev.aispend.contracts.usage;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Tokens of one usage record, one count per type, because every type has its own price.
 * Input tokens exclude cache reads and cache writes (Anthropic's "uncached input").
 */
@Serdeable
public record TokenCounts(
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        long reasoningTokens) {

    public TokenCounts {
        requireNotNegative("inputTokens", inputTokens);
        requireNotNegative("outputTokens", outputTokens);
        requireNotNegative("cacheReadTokens", cacheReadTokens);
        requireNotNegative("cacheWrite5mTokens", cacheWrite5mTokens);
        requireNotNegative("cacheWrite1hTokens", cacheWrite1hTokens);
        requireNotNegative("reasoningTokens", reasoningTokens);
    }

    public static TokenCounts of(long inputTokens, long outputTokens) {
        return new TokenCounts(inputTokens, outputTokens, 0, 0, 0, 0);
    }

    /** Type by type sum; throws on overflow rather than wrapping. */
    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens),
                Math.addExact(cacheReadTokens, other.cacheReadTokens),
                Math.addExact(cacheWrite5mTokens, other.cacheWrite5mTokens),
                Math.addExact(cacheWrite1hTokens, other.cacheWrite1hTokens),
                Math.addExact(reasoningTokens, other.reasoningTokens));
    }

    public static TokenCounts zero() {
        return new TokenCounts(0, 0, 0, 0, 0, 0);
    }

    /** Sum of every type; throws on overflow rather than wrapping. */
    public long totalTokens() {
        long total = Math.addExact(inputTokens, outputTokens);
        total = Math.addExact(total, cacheReadTokens);
        total = Math.addExact(total, cacheWrite5mTokens);
        total = Math.addExact(total, cacheWrite1hTokens);
        return Math.addExact(total, reasoningTokens);
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }
}
