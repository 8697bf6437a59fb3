package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.UsageSubmission;

/**
 * What one OTLP item became, with where it sits in the request ({@code location}, e.g.
 * {@code resourceMetrics[0].scopeMetrics[0].metrics[1].sum.dataPoints[2]}) for the reasons of a refusal.
 */
public sealed interface Submission permits Submission.Usage, Submission.Outcome {

    String location();

    record Usage(UsageSubmission usage, String location) implements Submission {
    }

    record Outcome(OutcomeSubmission outcome, String location) implements Submission {
    }
}
