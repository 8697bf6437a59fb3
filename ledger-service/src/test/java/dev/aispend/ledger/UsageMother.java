package dev.aispend.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.FlagUsageConflictCommand;
import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.ledger.api.UsageConflictFlaggedEvent;
import dev.aispend.ledger.api.UsageRecordedEvent;
import dev.aispend.ledger.command.UsageRecordAggregate;

import java.time.Instant;

/** Object mother for usage in the ledger's tests. */
public final class UsageMother {
    public static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30Z");
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-22T10:15:31Z");

    private UsageMother() {
    }

    public static UsageRecord record(String id, String team, long inputTokens, long outputTokens) {
        return new UsageRecord(id, OCCURRED_AT, RECEIVED_AT, "api", team, "prs_0123456789abcdef0123456789abcdef",
                "claude-sonnet-4-5", TokenCounts.of(inputTokens, outputTokens));
    }

    /** A stand-in content hash: the aggregate only compares hashes, it never computes them. */
    public static String content(String label) {
        return "sha256-of-" + label;
    }

    public static RecordUsageCommand command(String id) {
        UsageRecord record = record(id, "platform", 1200, 340);
        return new RecordUsageCommand(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens(),
                content("original"));
    }

    public static UsageRecordedEvent recorded(String id) {
        RecordUsageCommand command = command(id);
        return new UsageRecordedEvent(command.usageRecordId(), command.occurredAt(), command.receivedAt(),
                command.source(), command.team(), command.personRef(), command.model(), command.tokens(),
                command.contentSha256());
    }

    public static FlagUsageConflictCommand conflicting(String id, String contentLabel) {
        UsageRecord record = record(id, "platform", 9999, 1);
        return new FlagUsageConflictCommand(UsageRecordAggregate.identifierOf(id), id, content(contentLabel),
                record.occurredAt(), record.receivedAt(), record.source(), record.team(), record.personRef(),
                record.model(), record.tokens());
    }

    public static UsageConflictFlaggedEvent conflictFlagged(String id, String contentLabel) {
        FlagUsageConflictCommand command = conflicting(id, contentLabel);
        return new UsageConflictFlaggedEvent(id, content("original"), command.contentSha256(),
                command.occurredAt(), command.receivedAt(), command.source(), command.team(), command.personRef(),
                command.model(), command.tokens());
    }
}
