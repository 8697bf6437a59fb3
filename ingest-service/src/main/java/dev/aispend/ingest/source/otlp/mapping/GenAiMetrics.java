package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.UsageSubmission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The GenAI conventions' {@code gen_ai.client.token.usage} histogram: one usage record per point from its
 * {@code sum}, of the one type {@code gen_ai.token.type} names (input|output; the older prompt|completion too).
 * The metric does not split cached input from the rest, so input is recorded as uncached input. It counts only
 * when the configured GenAI counting signal is {@code metrics}; by default the spans of the same calls count.
 */
final class GenAiMetrics {

    private GenAiMetrics() {
    }

    static Map<String, MetricRule> rules(CountingSignal counting) {
        return Map.of("gen_ai.client.token.usage", new TokenUsage(counting != CountingSignal.METRICS));
    }

    private record TokenUsage(boolean evidenceOnly) implements MetricRule {
        public Shape shape() {
            return Shape.HISTOGRAM;
        }

        public boolean whole() {
            return true;
        }

        public MetricPoint.Template template(Attributes attributes, Instant occurredAt, BigDecimal value) {
            String type = attributes.text("gen_ai.token.type");
            boolean input = "input".equals(type) || "prompt".equals(type);
            if (!input && !"output".equals(type) && !"completion".equals(type)) {
                throw new Refusal("gen_ai.token.type must be input or output, was " + type);
            }
            String model = GenAi.model(attributes);
            String provider = GenAi.provider(attributes);
            Origin origin = Origin.of(attributes, "gen_ai.operation.name");
            return (id, increase, location) -> {
                long tokens = increase.longValueExact();
                return new Submission.Usage(new UsageSubmission(id, occurredAt, origin.source(), origin.subject(),
                        origin.team(), origin.costCenter(), provider, model,
                        input ? TokenCounts.of(tokens, 0) : TokenCounts.of(0, tokens), origin.purpose(),
                        origin.sessionId(), null, null, origin.attributes(), evidenceOnly), location);
            };
        }
    }
}
