package dev.aispend.platform.ledger;

import dev.aispend.contracts.usage.TokenCounts;

/**
 * Accumulates usage for one key of a read model within one delivery, so a projection writes one upsert per key
 * instead of one per entry.
 */
public final class SpendTally {
    private long records;
    private TokenCounts tokens = TokenCounts.zero();
    private long lastLedgerPosition;

    public void add(TokenCounts more, long ledgerPosition) {
        if (ledgerPosition <= lastLedgerPosition) {
            throw new IllegalArgumentException("entries are tallied in ledger order");
        }
        records++;
        tokens = tokens.plus(more);
        lastLedgerPosition = ledgerPosition;
    }

    public long records() {
        return records;
    }

    public TokenCounts tokens() {
        return tokens;
    }

    public long lastLedgerPosition() {
        return lastLedgerPosition;
    }
}
