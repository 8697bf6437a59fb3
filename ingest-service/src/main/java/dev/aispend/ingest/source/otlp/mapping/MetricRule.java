package dev.aispend.ingest.source.otlp.mapping;

import java.time.Instant;

/** How the points of one metric we count become submissions (ClaudeCodeMetrics, GenAiMetrics). */
interface MetricRule {

    /** The data a client must send it as. */
    enum Shape {
        SUM, HISTOGRAM
    }

    Shape shape();

    /** True when the value counts things (tokens, commits) and must be whole; false for money. */
    boolean whole();

    /**
     * Checks the point's attributes (and, for money, that its value fits) and returns how to make its submission.
     *
     * @throws Refusal when the point cannot be taken (no model, an unknown token type)
     */
    MetricPoint.Template template(Attributes attributes, Instant occurredAt, java.math.BigDecimal value);
}
