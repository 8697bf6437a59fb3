package dev.aispend.ledger.intake;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.FlagUsageConflictCommand;
import dev.aispend.ledger.append.AppendContext;
import dev.aispend.ledger.command.UsageRecordAggregate;
import dev.aispend.platform.pricing.Pricer;
import jakarta.inject.Singleton;

/**
 * Usage into the ledger: priced with the rate card in force at its occurredAt among the cards recorded before it
 * (the context's book), recorded as {@link SpendRecorded} with the cost and the card version, so a replay prices
 * identically and a card recorded later never changes it. Unpriced usage is recorded with cost 0, never dropped.
 * Usage that ingest marked as reconciliation evidence is priced the same way and recorded as
 * {@link UsageEvidenceRecorded}, which no spend total adds.
 */
@Singleton
final class UsageIntake {

    void record(AppendContext context, UsageRecord usage, AppendContext.IdempotencyKey key) {
        Spend spend = Pricer.price(context.rateCards(), usage.provider(), usage.model(), usage.occurredAt(),
                usage.tokens());
        SpendRecorded recorded = new SpendRecorded(usage.usageRecordId(), usage.personRef(), usage.team(),
                usage.costCenter(), usage.provider(), usage.model(), spend, usage.reportedCostUsdMicros(),
                usage.purpose(), usage.source(), usage.sessionId(), usage.requestId(), usage.occurredAt(),
                usage.receivedAt(), key.contentSha256(), usage.attributes());
        // Evidence is priced and kept exactly like spend, under its own type, so nothing that adds spend adds it.
        LedgerPayload event = usage.countsAsSpend() ? recorded : new UsageEvidenceRecorded(recorded);
        context.publishFirstEvent(UsageRecordAggregate.AGGREGATE_TYPE,
                UsageRecordAggregate.identifierOf(usage.usageRecordId()), event, key);
    }

    /** The aggregate flags each distinct conflicting content once, so a redelivered conflict is quiet. */
    void flagConflict(AppendContext context, UsageRecord usage, String contentSha256) {
        context.sendDeciding(new FlagUsageConflictCommand(UsageRecordAggregate.identifierOf(usage.usageRecordId()),
                usage, contentSha256), null);
    }
}
