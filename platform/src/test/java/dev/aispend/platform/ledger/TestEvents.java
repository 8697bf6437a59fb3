package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.TokenCounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Ledger events for unit tests: hashes are made-up but linked, the payload bytes are a stand-in. */
final class TestEvents {
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final RateCardRef CARD = new RateCardRef("rate-card", 1);

    private TestEvents() {
    }

    /** A made-up, distinct, well-formed hash for a position. */
    static String hashOf(long position) {
        return String.format("%064x", position);
    }

    static LedgerEvent event(long position, LedgerPayload payload) {
        String previous = position == 1 ? LedgerChain.GENESIS_HASH : hashOf(position - 1);
        return new LedgerEvent(new LedgerEnvelope(position, "event-" + position, "SpendRecorded", 1,
                MONDAY.toString(), MONDAY.toString(), previous, hashOf(position),
                Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))), payload);
    }

    static SpendRecorded priced(String recordId, String team, Instant occurredAt, long inputTokens, long cost) {
        return spend(recordId, team, occurredAt, Spend.priced(TokenCounts.of(inputTokens, 1), cost, CARD));
    }

    static SpendRecorded unpriced(String recordId, String team, Instant occurredAt, long inputTokens) {
        return spend(recordId, team, occurredAt, Spend.unpriced(TokenCounts.of(inputTokens, 1), Spend.NO_RATE_CARD));
    }

    static SpendRecorded spend(String recordId, String team, Instant occurredAt, Spend spend) {
        return new SpendRecorded(recordId, "prs_x", team, null, null, "model", spend, null, null, "api", null,
                null, occurredAt, occurredAt, "c".repeat(64), null);
    }

    /** Re-prices {@code original}, recorded at {@code originalPosition}, to {@code newCost}. */
    static SpendRepriced repricing(long originalPosition, SpendRecorded original, long newCost) {
        return new SpendRepriced("repricing-" + originalPosition, originalPosition, original.recordId(),
                original.personRef(), original.team(), original.model(), original.spend(),
                Spend.priced(original.spend().tokens(), newCost, new RateCardRef("rate-card", 2)), "finance",
                "rate card corrected", original.occurredAt(), MONDAY.plusSeconds(86_400 * 7));
    }
}
