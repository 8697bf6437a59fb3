package dev.aispend.ledger;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.FlagUsageConflictCommand;
import dev.aispend.ledger.command.UsageRecordAggregate;

import java.time.Instant;

/** Object mother for usage in the ledger's tests. */
public final class UsageMother {
    public static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30Z");
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-22T10:15:31Z");
    public static final String PERSON = "prs_0123456789abcdef0123456789abcdef";
    public static final String MODEL = "claude-sonnet-4-5";

    private UsageMother() {
    }

    public static UsageRecord record(String id, String team, long inputTokens, long outputTokens) {
        return UsageRecord.basic(id, OCCURRED_AT, RECEIVED_AT, "api", team, PERSON, MODEL,
                TokenCounts.of(inputTokens, outputTokens));
    }

    /** Usage of {@code model} from {@code provider} at {@code occurredAt}. */
    public static UsageRecord record(String id, String provider, String model, Instant occurredAt,
                                     TokenCounts tokens) {
        return new UsageRecord(id, occurredAt, RECEIVED_AT, "api", "platform", PERSON, model, tokens, provider,
                null, null, null, null, null);
    }

    /** A stand-in content hash: the aggregate only compares hashes, it never computes them. */
    public static String content(String label) {
        return "sha256-of-" + label;
    }

    public static SpendRecorded recorded(String id) {
        UsageRecord record = record(id, "platform", 1200, 340);
        return new SpendRecorded(record.usageRecordId(), record.personRef(), record.team(), null, null,
                record.model(), Spend.unpriced(record.tokens(), Spend.NO_RATE_CARD), null, null, record.source(),
                null, null, record.occurredAt(), record.receivedAt(), content("original"), null);
    }

    public static FlagUsageConflictCommand conflicting(String id, String contentLabel) {
        return new FlagUsageConflictCommand(UsageRecordAggregate.identifierOf(id), record(id, "platform", 9999, 1),
                content(contentLabel));
    }

    public static UsageConflictFlagged conflictFlagged(String id, String contentLabel) {
        UsageRecord record = record(id, "platform", 9999, 1);
        return new UsageConflictFlagged(id, content("original"), content(contentLabel), record.occurredAt(),
                record.receivedAt(), record.source(), record.team(), record.personRef(), record.model(),
                record.tokens());
    }
}
