package dev.aispend.demo;

/** Token counts by type, as the ledger prices them. Input excludes cache reads and writes. */
public record Tokens(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h, long reasoning) {

    public Tokens {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    /** Input, cache reads and cache writes: the prompt, however cached (what prompt inflation inflates). */
    public long prompt() {
        return input + cacheRead + cacheWrite5m + cacheWrite1h;
    }

    /** Every token of every type, reasoning included. */
    public long total() {
        return prompt() + output + reasoning;
    }

    public Tokens plus(Tokens other) {
        return new Tokens(input + other.input, output + other.output, cacheRead + other.cacheRead,
                cacheWrite5m + other.cacheWrite5m, cacheWrite1h + other.cacheWrite1h, reasoning + other.reasoning);
    }

    /** The first half of each count (rounded down); {@link #minus} gives the rest. */
    public Tokens half() {
        return new Tokens(input / 2, output / 2, cacheRead / 2, cacheWrite5m / 2, cacheWrite1h / 2, reasoning / 2);
    }

    public Tokens minus(Tokens other) {
        return new Tokens(input - other.input, output - other.output, cacheRead - other.cacheRead,
                cacheWrite5m - other.cacheWrite5m, cacheWrite1h - other.cacheWrite1h, reasoning - other.reasoning);
    }
}
