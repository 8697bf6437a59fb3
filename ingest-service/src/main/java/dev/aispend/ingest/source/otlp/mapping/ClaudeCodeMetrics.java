package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.UsdAmounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Claude Code's metrics (FORMATS.md; its monitoring documentation), all Sums:
 * <ul>
 * <li>{@code claude_code.token.usage} (attribute {@code type} input|output|cacheRead|cacheCreation, {@code model}):
 * one usage record per point holding that one token type. {@code cacheCreation} is a 5-minute cache write: the
 * telemetry does not tell the TTL apart and 5 minutes is the API's default; the reported cost is kept beside.</li>
 * <li>{@code claude_code.cost.usage} (USD, {@code model}): a usage record with no tokens and the reported cost.</li>
 * <li>{@code claude_code.pull_request.count}, {@code .commit.count}, {@code .session.count},
 * {@code .lines_of_code.count} ({@code type} added|removed): outcomes {@code pull_request_created},
 * {@code commit}, {@code agent_session} (their count) and {@code lines_of_code} (additions or deletions), each
 * with the session as AI-assistance evidence.</li>
 * </ul>
 * The token and cost points count unless the configured counting signal is {@code logs}; then they are evidence.
 */
final class ClaudeCodeMetrics {
    static final String PROVIDER = "anthropic";

    private ClaudeCodeMetrics() {
    }

    static Map<String, MetricRule> rules(CountingSignal counting) {
        boolean evidenceOnly = counting != CountingSignal.METRICS;
        return Map.of(
                "claude_code.token.usage", new Tokens(evidenceOnly),
                "claude_code.cost.usage", new Cost(evidenceOnly),
                "claude_code.pull_request.count", new Counted("pull_request_created"),
                "claude_code.commit.count", new Counted("commit"),
                "claude_code.session.count", new Counted("agent_session"),
                "claude_code.lines_of_code.count", new LinesOfCode());
    }

    static String requiredModel(Attributes attributes) {
        String model = attributes.text("model");
        if (model == null) {
            throw new Refusal("has no model attribute");
        }
        return model;
    }

    private record Tokens(boolean evidenceOnly) implements MetricRule {
        public Shape shape() {
            return Shape.SUM;
        }

        public boolean whole() {
            return true;
        }

        public MetricPoint.Template template(Attributes attributes, Instant occurredAt, BigDecimal value) {
            String model = requiredModel(attributes);
            String type = attributes.text("type");
            if (type == null || !List.of("input", "output", "cacheRead", "cacheCreation").contains(type)) {
                throw new Refusal("type must be input, output, cacheRead or cacheCreation, was " + type);
            }
            Origin origin = Origin.of(attributes, "query_source");
            return (id, increase, location) -> new Submission.Usage(usage(id, occurredAt, origin, model,
                    tokens(type, increase.longValueExact()), null, evidenceOnly), location);
        }

        private static TokenCounts tokens(String type, long count) {
            return switch (type) {
                case "input" -> new TokenCounts(count, 0, 0, 0, 0, 0);
                case "output" -> new TokenCounts(0, count, 0, 0, 0, 0);
                case "cacheRead" -> new TokenCounts(0, 0, count, 0, 0, 0);
                default -> new TokenCounts(0, 0, 0, count, 0, 0);
            };
        }
    }

    private record Cost(boolean evidenceOnly) implements MetricRule {
        public Shape shape() {
            return Shape.SUM;
        }

        public boolean whole() {
            return false;
        }

        public MetricPoint.Template template(Attributes attributes, Instant occurredAt, BigDecimal value) {
            String model = requiredModel(attributes);
            if (UsdAmounts.dollarsToMicros(value) == null) {
                throw new Refusal("value is not a USD amount we can hold: " + value.toPlainString());
            }
            Origin origin = Origin.of(attributes, "query_source");
            return (id, increase, location) -> new Submission.Usage(usage(id, occurredAt, origin, model,
                    TokenCounts.zero(), UsdAmounts.dollarsToMicros(increase), evidenceOnly), location);
        }
    }

    private record Counted(String kind) implements MetricRule {
        public Shape shape() {
            return Shape.SUM;
        }

        public boolean whole() {
            return true;
        }

        public MetricPoint.Template template(Attributes attributes, Instant occurredAt, BigDecimal value) {
            Origin origin = Origin.of(attributes);
            return (id, increase, location) -> new Submission.Outcome(outcome(id, kind, occurredAt, origin, null,
                    null, increase.longValueExact()), location);
        }
    }

    private record LinesOfCode() implements MetricRule {
        public Shape shape() {
            return Shape.SUM;
        }

        public boolean whole() {
            return true;
        }

        public MetricPoint.Template template(Attributes attributes, Instant occurredAt, BigDecimal value) {
            String type = attributes.text("type");
            if (!"added".equals(type) && !"removed".equals(type)) {
                throw new Refusal("type must be added or removed, was " + type);
            }
            Origin origin = Origin.of(attributes);
            return (id, increase, location) -> {
                long lines = increase.longValueExact();
                return new Submission.Outcome(outcome(id, "lines_of_code", occurredAt, origin,
                        "added".equals(type) ? lines : null, "removed".equals(type) ? lines : null, null),
                        location);
            };
        }
    }

    static UsageSubmission usage(String id, Instant occurredAt, Origin origin, String model, TokenCounts tokens,
                                 Long reportedCostUsdMicros, boolean evidenceOnly) {
        return new UsageSubmission(id, occurredAt, origin.source(), origin.subject(), origin.team(),
                origin.costCenter(), PROVIDER, model, tokens, origin.purpose(), origin.sessionId(), null,
                reportedCostUsdMicros, origin.attributes(), evidenceOnly);
    }

    private static OutcomeSubmission outcome(String id, String kind, Instant occurredAt, Origin origin,
                                             Long additions, Long deletions, Long count) {
        List<String> sessions = origin.sessionId() == null ? List.of() : List.of(origin.sessionId());
        return new OutcomeSubmission(id, kind, occurredAt, origin.source(), origin.subject(), origin.team(),
                origin.costCenter(), null, null, additions, deletions, List.of(),
                new AiAssistance(sessions, List.of()), count);
    }
}
