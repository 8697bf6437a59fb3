package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.contracts.ledger.UsageRecorded;
import dev.aispend.contracts.usage.TokenCounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Accumulates usage for one key of a read model within one delivery, so a projection writes one upsert per key
 * instead of one per entry.
 */
public final class SpendTally {
    /** Tallies the usage entries of a delivery by {@code key}, in ledger order; other entry types are skipped. */
    public static <K> Map<K, SpendTally> byKey(List<LedgerEntry> entries, Function<UsageRecorded, K> key) {
        Map<K, SpendTally> tallies = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            UsageRecorded usage = entry.usageRecorded();
            if (usage != null) {
                tallies.computeIfAbsent(key.apply(usage), unused -> new SpendTally()).add(usage.tokens(),
                        entry.ledgerPosition());
            }
        }
        return tallies;
    }

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
