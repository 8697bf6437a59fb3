package dev.aispend.demo;

/**
 * A model's list prices in USD micros per million tokens, as the default rate card
 * (policy-service's rate-cards/default-rate-cards.json) states them; reasoning is billed as output.
 */
public record ModelPrice(String provider, String model, long input, long output, long cacheRead, long cacheWrite5m,
                         long cacheWrite1h) {
    private static final long PER_MILLION = 1_000_000L;

    /** The cost of {@code tokens} in USD micros: the exact products summed, divided once, rounded half up. */
    public long cost(Tokens tokens) {
        long total = Math.multiplyExact(tokens.input(), input);
        total = Math.addExact(total, Math.multiplyExact(tokens.output(), output));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheRead(), cacheRead));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheWrite5m(), cacheWrite5m));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheWrite1h(), cacheWrite1h));
        total = Math.addExact(total, Math.multiplyExact(tokens.reasoning(), output));
        return total / PER_MILLION + (total % PER_MILLION >= PER_MILLION / 2 ? 1 : 0);
    }
}
