package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRepriced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

/**
 * A correction counts where its original counts now (its current attribution, its UTC day of use, its model,
 * provider, purpose and source): the cost delta and any change of pricedness, never a record or tokens again.
 * Budgets count it by the original's recorded scope and time, as policy-service does.
 */
final class Repricings {
    private static final Logger LOG = LoggerFactory.getLogger(Repricings.class);

    private Repricings() {
    }

    static void apply(Connection connection, long position, SpendRepriced repricing, LineStore lines,
                      BudgetBook budgets) {
        SpendLine original = LineStore.currentSpend(connection, repricing.originalPosition());
        if (original == null) {
            // The ledger checks a re-pricing against its original before recording it; a follower must not stop
            // on one it cannot place, and must not invent a key for it: it is left out and logged.
            LOG.error("re-pricing {} at ledger position {} names position {}, which holds no spend; not counted",
                    repricing.repricingId(), position, repricing.originalPosition());
            return;
        }
        long unpricedDelta = unpriced(repricing.repriced()) - unpriced(repricing.previous());
        SpendAmounts amounts = SpendAmounts.repricing(repricing.costDeltaUsdMicros(), unpricedDelta,
                original.amounts().reportedRecords() > 0);
        lines.add(new SpendLine(position, repricing.originalPosition(), SpendLine.REPRICE, original.occurredAt(),
                original.attribution(), original.model(), original.provider(), original.purpose(),
                original.source(), original.recordId(), repricing.repriced().rateCard(), amounts));
        budgets.lines(position, repricing.originalPosition(), new BudgetBook.Scoped(repricing.costCenter(),
                repricing.team(), repricing.personRef(), repricing.purpose(), repricing.model(),
                repricing.occurredAt()), 0, repricing.costDeltaUsdMicros()).forEach(lines::add);
    }

    private static long unpriced(Spend spend) {
        return spend.priced() ? 0 : 1;
    }
}
