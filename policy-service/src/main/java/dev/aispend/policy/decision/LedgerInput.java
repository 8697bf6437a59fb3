package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.budget.BudgetScope;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One ledger entry as the budget evaluator reads it: what kind of input it is, where the ledger clock goes, and
 * for spend the attributes a budget's scope is matched against and the cost to count.
 *
 * @param clockTime       the event time the entry moves the clock to (if later), null when it does not move it
 * @param decidedAt       the time of the decisions it triggers: its event time; for a re-pricing, when the
 *                        correction was requested (its occurredAt is the original spend's, long before); null
 *                        for an IGNORED entry
 * @param spend           for SPEND and REPRICING: whose spend and when (the original's, for a re-pricing)
 * @param costUsdMicros   for SPEND the cost, for REPRICING the delta (may be negative); 0 otherwise
 * @param budgetChange    for BUDGET the recorded change
 */
record LedgerInput(
        Kind kind,
        long position,
        @Nullable Instant clockTime,
        @Nullable Instant decidedAt,
        @Nullable Attribution spend,
        long costUsdMicros,
        @Nullable PolicyChanged budgetChange) {

    enum Kind { SPEND, REPRICING, BUDGET, CLOCK, IGNORED }

    /** Whom a spend is counted for and when it was used; a null attribute matches no scope field that is set. */
    record Attribution(@Nullable String costCenter, String team, String personRef, @Nullable String purpose,
                       String model, Instant occurredAt) {
        boolean coveredBy(BudgetScope scope) {
            return scope.covers(costCenter, team, personRef, purpose, model);
        }
    }

    /**
     * Reads an entry. Evidence ({@code UsageEvidenceRecorded}) is never spend, and decisions
     * ({@code PolicyDecisionRecorded}) are never inputs, or the evaluator would feed on its own output; they and
     * every other type are IGNORED and do not even move the clock. The foundation's usage event is read as
     * unpriced spend: it moves the clock and counts 0.
     */
    static LedgerInput of(LedgerEvent event) {
        LedgerPayload payload = LedgerPayloadDecoder.upcast(event.payload());
        long position = event.position();
        if (payload instanceof SpendRecorded spend) {
            Attribution attribution = new Attribution(spend.costCenter(), spend.team(), spend.personRef(),
                    spend.purpose(), spend.model(), spend.occurredAt());
            return new LedgerInput(Kind.SPEND, position, spend.occurredAt(), spend.occurredAt(), attribution,
                    spend.spend().costUsdMicros(), null);
        }
        if (payload instanceof SpendRepriced repricing) {
            // Counted for the ORIGINAL spend: its people, model and time. It does not move the clock.
            Attribution attribution = new Attribution(repricing.costCenter(), repricing.team(),
                    repricing.personRef(), repricing.purpose(), repricing.model(), repricing.occurredAt());
            return new LedgerInput(Kind.REPRICING, position, null, repricing.requestedAt(), attribution,
                    repricing.costDeltaUsdMicros(), null);
        }
        if (payload instanceof PolicyChanged change) {
            boolean budget = change.kind() == PolicyKind.BUDGET;
            return new LedgerInput(budget ? Kind.BUDGET : Kind.CLOCK, position, change.occurredAt(),
                    change.occurredAt(), null, 0, budget ? change : null);
        }
        if (payload instanceof OutcomeRecorded outcome) {
            return new LedgerInput(Kind.CLOCK, position, outcome.occurredAt(), outcome.occurredAt(), null, 0, null);
        }
        return new LedgerInput(Kind.IGNORED, position, null, null, null, 0, null);
    }

    boolean countsSpend() {
        return kind == Kind.SPEND || kind == Kind.REPRICING;
    }
}
