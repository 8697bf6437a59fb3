package dev.aispend.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.ledger.api.UsageRecordedEvent;

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

    public static RecordUsageCommand command(String id) {
        UsageRecord record = record(id, "platform", 1200, 340);
        return new RecordUsageCommand(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens());
    }

    public static UsageRecordedEvent recorded(String id) {
        RecordUsageCommand command = command(id);
        return new UsageRecordedEvent(command.usageRecordId(), command.occurredAt(), command.receivedAt(),
                command.source(), command.team(), command.personRef(), command.model(), command.tokens());
    }
}
