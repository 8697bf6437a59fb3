package dev.aispend.ingest.source.github;

import dev.aispend.ingest.acceptance.OutcomeSubmission;

/** What a verified delivery asks of us: record an outcome, or acknowledge it and record nothing. */
sealed interface WebhookDecision {

    /** A merged pull request: {@code outcome} is published to outcomes.v1. */
    record Merged(OutcomeSubmission outcome) implements WebhookDecision {
    }

    /** Acknowledged and ignored (ping, an unmerged close, any other event or action); {@code reason} says why. */
    record Ignored(String reason) implements WebhookDecision {
    }
}
