package dev.aispend.contracts.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A usage event as the foundation stored it (stored type {@code dev.aispend.ledger.api.UsageRecordedEvent},
 * revision 1), before spend had a price. Entries of this shape stay in the ledger forever, unchanged and
 * verifiable; readers upcast them with {@link #toSpendRecorded()}: unpriced spend, no optional fields.
 */
@Serdeable
public record LegacyUsageRecorded(
        String usageRecordId,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens,
        String contentSha256) implements LedgerPayload {

    public SpendRecorded toSpendRecorded() {
        return new SpendRecorded(usageRecordId, personRef, team, null, null, model,
                Spend.unpriced(tokens, Spend.NO_RATE_CARD), null, null, source, null, null, occurredAt, receivedAt,
                contentSha256, null);
    }
}
