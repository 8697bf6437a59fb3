package dev.aispend.demo;

import java.util.Random;

/**
 * What one use consumes, by client: agentic coding hours with long cached contexts, gateway calls, support
 * conversations with one-hour cache writes, notebook runs with reasoning. Figures are per use, before the model's
 * price; a person's weight decides how many uses, never how large (so no honest person's prompts look inflated).
 */
final class TokenProfiles {
    /** How much prompt inflation multiplies every prompt token type. */
    static final int INFLATION = 6;

    private TokenProfiles() {
    }

    /** One hour of a Claude Code session: mostly cache reads of the conversation, cache writes as it grows. */
    static Tokens claudeCodeHour(Random random) {
        return new Tokens(Draw.between(random, 8_000, 20_000), Draw.between(random, 25_000, 55_000),
                Draw.between(random, 1_500_000, 3_200_000), Draw.between(random, 120_000, 260_000), 0, 0);
    }

    static Tokens inflated(Tokens tokens) {
        return new Tokens(tokens.input() * INFLATION, tokens.output(), tokens.cacheRead() * INFLATION,
                tokens.cacheWrite5m() * INFLATION, tokens.cacheWrite1h() * INFLATION, tokens.reasoning());
    }

    /** One gateway call; o4-mini reasons, and LiteLLM reports reasoning inside the completion. */
    static Tokens gatewayCall(Random random, String model) {
        long prompt = Draw.between(random, 60_000, 220_000);
        long cached = (long) (prompt * (0.5 + 0.35 * random.nextDouble()));
        long completion = Draw.between(random, 1_500, 7_000);
        long reasoning = model.equals(Prices.O4_MINI) ? (long) (completion * (0.3 + 0.3 * random.nextDouble())) : 0;
        return new Tokens(prompt - cached, completion - reasoning, cached, 0, 0, reasoning);
    }

    /** One support conversation: a cached knowledge-base prompt written for an hour, then read at every turn. */
    static Tokens supportConversation(Random random) {
        return new Tokens(Draw.between(random, 20_000, 60_000), Draw.between(random, 4_000, 12_000),
                Draw.between(random, 150_000, 400_000), 0, Draw.between(random, 10_000, 30_000), 0);
    }

    /** One notebook run on a Gemini model, with thinking tokens. */
    static Tokens notebookRun(Random random) {
        return new Tokens(Draw.between(random, 40_000, 160_000), Draw.between(random, 3_000, 12_000),
                Draw.between(random, 0, 80_000), 0, 0, Draw.between(random, 2_000, 10_000));
    }
}
