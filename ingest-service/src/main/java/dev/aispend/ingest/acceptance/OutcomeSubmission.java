package dev.aispend.ingest.acceptance;

import dev.aispend.ingest.identity.SubjectAliases;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One engineering outcome as any client format describes it, normalized (our JSON API, a GitHub webhook,
 * Claude Code's counters, a provider's Claude Code report); checked by {@link SubmissionRules} on the
 * {@link AcceptancePath}.
 *
 * @param kind  {@code pull_request_merged}, {@code commit}, {@code deployment}, ... (lower-case words and _)
 * @param count how many of {@code kind} this stands for, when a client counts (null means one)
 */
public record OutcomeSubmission(
        String id,
        String kind,
        Instant occurredAt,
        String source,
        SubjectAliases subject,
        @Nullable String team,
        @Nullable String costCenter,
        @Nullable String repository,
        @Nullable Long number,
        @Nullable Long additions,
        @Nullable Long deletions,
        List<String> labels,
        AiAssistance aiAssistance,
        @Nullable Long count) {

    public OutcomeSubmission {
        Objects.requireNonNull(source, "source");
        subject = subject == null ? SubjectAliases.NONE : subject;
        labels = labels == null ? List.of() : List.copyOf(labels);
        aiAssistance = aiAssistance == null ? AiAssistance.NONE : aiAssistance;
    }
}
