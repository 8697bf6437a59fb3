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
 * follower rather than wrapping into a wrong number.
 */
public final class SpendTally {
    private long records;
    private TokenCounts tokens = TokenCounts.zero();
    private long costUsdMicros;
    private long unpricedRecords;
    private long lastLedgerPosition;

    /**
     * Tallies the spend of a delivery by {@code key}, in ledger order: each SpendRecorded counts one record, its
     * tokens and its cost; each SpendRepriced adds its cost delta to its original spend's key. Other event types
     * count for nothing here.
     */
    public static <K> Map<K, SpendTally> byKey(List<LedgerEvent> events, Function<SpendAttribution, K> key) {
        Map<K, SpendTally> tallies = new LinkedHashMap<>();
        for (LedgerEvent event : events) {
            if (event.payload() instanceof SpendRecorded recorded) {
                tallies.computeIfAbsent(key.apply(SpendAttribution.of(recorded)), unused -> new SpendTally())
                        .addSpend(recorded.spend(), event.position());
            } else if (event.payload() instanceof SpendRepriced repricing) {
                tallies.computeIfAbsent(key.apply(SpendAttribution.of(repricing)), unused -> new SpendTally())
                        .addRepricing(repricing.costDeltaUsdMicros(), event.position());
            }
        }
        return tallies;
    }

    public void addSpend(Spend spend, long ledgerPosition) {
        moveTo(ledgerPosition);
        records = Math.addExact(records, 1);
        tokens = tokens.plus(spend.tokens());
        costUsdMicros = Math.addExact(costUsdMicros, spend.costUsdMicros());
        if (!spend.priced()) {
            unpricedRecords = Math.addExact(unpricedRecords, 1);
        }
    }

    /** A correction changes the cost only: the record and its tokens were counted when it was recorded. */
    public void addRepricing(long costDeltaUsdMicros, long ledgerPosition) {
        moveTo(ledgerPosition);
        costUsdMicros = Math.addExact(costUsdMicros, costDeltaUsdMicros);
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
