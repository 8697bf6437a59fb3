package dev.aispend.bench;

import dev.aispend.demo.DemoGenerator;
import dev.aispend.demo.DemoSpec;
import dev.aispend.demo.Tokens;
import dev.aispend.demo.Use;

import java.time.Instant;
import java.util.List;

/**
 * {@code --shape=demo}: usage records shaped like the demo month's (docs/demo.md): its models of three providers,
 * its cache reads and writes (5 min and 1 h), reasoning and purposes, in its proportions, taken in turn from the
 * month the default seed generates. Sent through the JSON API under the benchmark's own team and time, so the
 * benchmark still tells its records apart; only their shape comes from the demo.
 */
final class DemoShapedRecords {
    private final List<Use> uses;

    DemoShapedRecords(Instant end) {
        this.uses = DemoGenerator.generate(DemoSpec.month(DemoSpec.DEFAULT_SEED, end)).uses();
    }

    String record(String team, Instant occurredAt, int index) {
        Use use = uses.get(index % uses.size());
        Tokens tokens = use.tokens();
        return """
                {"id":"%s-%d","occurredAt":"%s","team":"%s","person":"person-%d@example.com","provider":"%s",\
                "model":"%s","purpose":"%s","inputTokens":%d,"outputTokens":%d,"cacheReadTokens":%d,\
                "cacheWrite5mTokens":%d,"cacheWrite1hTokens":%d,"reasoningTokens":%d}""".formatted(team, index,
                occurredAt, team, index % 100, use.provider(), use.model(), use.purpose(), tokens.input(),
                tokens.output(), tokens.cacheRead(), tokens.cacheWrite5m(), tokens.cacheWrite1h(),
                tokens.reasoning());
    }
}
