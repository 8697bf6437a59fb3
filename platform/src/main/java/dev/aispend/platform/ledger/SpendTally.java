package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.TokenCounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Accumulates spend for one key of a read model within one delivery, so a projection writes one upsert per key
 * instead of one per entry. Integers only, overflow checked: a total that cannot be represented stops the
 * follower rather than wrapping into a wrong number. A tally is a delta to add to the read model's row, so
 * {@link #unpricedRecords()} is negative for a delivery that prices more earlier spend than it records unpriced.
 */
public final class SpendTally {
    private long records;
    private TokenCounts tokens = TokenCounts.zero();
    private long costUsdMicros;
    private long unpricedRecords;
    private long lastLedgerPosition;

    /**
     * Tallies the spend of a delivery by {@code key}, in ledger order: each SpendRecorded counts one record, its
     * tokens and its cost; each SpendRepriced adds its cost delta, and any change of the record's pricedness, to
     * its original spend's key. Other event types count for nothing here.
     */
    public static <K> Map<K, SpendTally> byKey(List<LedgerEvent> events, Function<SpendAttribution, K> key) {
        Map<K, SpendTally> tallies = new LinkedHashMap<>();
        for (LedgerEvent event : events) {
            if (event.payload() instanceof SpendRecorded recorded) {
                tallies.computeIfAbsent(key.apply(SpendAttribution.of(recorded)), unused -> new SpendTally())
                        .addSpend(recorded.spend(), event.position());
            } else if (event.payload() instanceof SpendRepriced repricing) {
                tallies.computeIfAbsent(key.apply(SpendAttribution.of(repricing)), unused -> new SpendTally())
                        .addRepricing(repricing, event.position());
            }
        }
        return tallies;
    }

    public void addSpend(Spend spend, long ledgerPosition) {
        moveTo(ledgerPosition);
        records = Math.addExact(records, 1);
        tokens = tokens.plus(spend.tokens());
        costUsdMicros = Math.addExact(costUsdMicros, spend.costUsdMicros());
        unpricedRecords = Math.addExact(unpricedRecords, unpricedCount(spend));
    }

    /**
     * A correction never counts a record or tokens again (they were counted when the spend was recorded), but
     * the first price of spend recorded unpriced takes that record out of the unpriced ones: this must be the
     * tally of the ORIGINAL spend's key, where it was counted unpriced.
     */
    public void addRepricing(SpendRepriced repricing, long ledgerPosition) {
        moveTo(ledgerPosition);
        costUsdMicros = Math.addExact(costUsdMicros, repricing.costDeltaUsdMicros());
        unpricedRecords = Math.addExact(unpricedRecords,
                unpricedCount(repricing.repriced()) - unpricedCount(repricing.previous()));
    }

    private static long unpricedCount(Spend spend) {
        return spend.priced() ? 0 : 1;
    }

    private void moveTo(long ledgerPosition) {
        if (ledgerPosition <= lastLedgerPosition) {
            throw new IllegalArgumentException("entries are tallied in ledger order");
        }
        lastLedgerPosition = ledgerPosition;
    }

    public long records() {
        return records;
    }

    public TokenCounts tokens() {
        return tokens;
    }

    public long costUsdMicros() {
        return costUsdMicros;
    }

    public long unpricedRecords() {
        return unpricedRecords;
    }

    public long lastLedgerPosition() {
        return lastLedgerPosition;
    }
}
