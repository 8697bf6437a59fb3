package dev.aispend.contracts.ledger;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageAccounting;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An engineering outcome recorded in the ledger (schema version 1); see {@link OutcomeRecord}. {@code count} (added
 * as optional) is how many the entry stands for; null means one. {@code accounting} (added as optional) is
 * {@code EVIDENCE} when the outcome is recorded beside the same work counted from another source, and must not be
 * added to outcome counts; null (recorded before the field existed) or {@code SPEND} counts.
 */
@Serdeable
public record OutcomeRecorded(
        String outcomeId,
        String kind,
        String personRef,
        String team,
        @Nullable String costCenter,
        @Nullable String repository,
        @Nullable Long number,
        @Nullable Long additions,
        @Nullable Long deletions,
        List<String> labels,
        OutcomeRecord.AiAssistance aiAssistance,
        String source,
        Instant occurredAt,
        Instant receivedAt,
        String contentSha256,
        @Nullable Long count,
        @Nullable UsageAccounting accounting) implements LedgerPayload {

    public OutcomeRecorded {
        Objects.requireNonNull(outcomeId, "outcomeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
        labels = labels == null ? List.of() : List.copyOf(labels);
        aiAssistance = aiAssistance == null ? OutcomeRecord.AiAssistance.NONE : aiAssistance;
    }

    public static OutcomeRecorded of(OutcomeRecord record, String contentSha256) {
        return new OutcomeRecorded(record.outcomeId(), record.kind(), record.personRef(), record.team(),
                record.costCenter(), record.repository(), record.number(), record.additions(), record.deletions(),
                record.labels(), record.aiAssistance(), record.source(), record.occurredAt(), record.receivedAt(),
                contentSha256, record.count(), record.accounting());
    }
}
