package dev.aispend.contracts.outcome;

import dev.aispend.contracts.usage.UsageAccounting;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One engineering outcome (a merged pull request, a commit, a deployment), as ingest-service hands it to the
 * ledger on {@code outcomes.v1}. {@code outcomeId} is the idempotency key (for a GitHub merge, {@code github-pr-<pull request id>}).
 * Schema version 1.
 *
 * @param kind           {@code pull_request_merged}, {@code commit}, {@code deployment}, ...
 * @param aiAssistance   evidence that an AI agent helped: session ids, a Co-authored-by trailer; empty if none
 * @param count          how many of {@code kind} the record stands for, when a client reports a count (Claude
 *                       Code's commit counter, a provider's daily report); null means one. Added as optional.
 * @param accounting     whether the outcome counts ({@code SPEND}, or null: outcomes sent before the field existed
 *                       count) or is evidence only ({@code EVIDENCE}: the same work is counted from another source,
 *                       e.g. a provider's daily Claude Code report beside Claude Code's own telemetry). Added as
 *                       optional; see docs/sources-of-truth.md.
 */
@Serdeable
public record OutcomeRecord(
        String outcomeId,
        String kind,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String personRef,
        String team,
        @Nullable String costCenter,
        @Nullable String repository,
        @Nullable Long number,
        @Nullable Long additions,
        @Nullable Long deletions,
        List<String> labels,
        AiAssistance aiAssistance,
        @Nullable Long count,
        @Nullable UsageAccounting accounting) {

    public OutcomeRecord {
        Objects.requireNonNull(outcomeId, "outcomeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        labels = labels == null ? List.of() : List.copyOf(labels);
        aiAssistance = aiAssistance == null ? AiAssistance.NONE : aiAssistance;
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1 when given, was " + count);
        }
    }

    /** What shows an AI agent took part; both lists empty when nothing does. */
    @Serdeable
    public record AiAssistance(List<String> sessionIds, List<String> coAuthoredBy) {
        public static final AiAssistance NONE = new AiAssistance(List.of(), List.of());

        public AiAssistance {
            sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
            coAuthoredBy = coAuthoredBy == null ? List.of() : List.copyOf(coAuthoredBy);
        }

        public boolean assisted() {
            return !sessionIds.isEmpty() || !coAuthoredBy.isEmpty();
        }
    }
}
