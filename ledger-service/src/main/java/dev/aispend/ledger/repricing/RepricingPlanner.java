package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.platform.pricing.ModelPrice;
import dev.aispend.platform.pricing.Pricer;
import dev.aispend.platform.pricing.RateCardVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, for each selected spend, whether the chosen rate card version changes its price, and builds the
 * corrections. Pure (no I/O), so the rule is tested without a ledger:
 * <ul>
 * <li>the spend's current price is its latest correction's, else the one it was recorded with;</li>
 * <li>spend whose recorded provider differs from the card's is left alone and counted apart: the ledger never
 * prices one provider's usage with another's card (RateCardBook's rule), even on request;</li>
 * <li>a spend is corrected when the new cost or the card differs (so unpriced spend gets its first price, and
 * spend priced by another card at the same cost is attributed to this one); otherwise it is unchanged;</li>
 * <li>a cost that does not fit a long refuses the whole re-pricing: recording a wrapped number is never right;</li>
 * <li>a correction carries its original's attribution (person, team, model, cost center, provider, purpose and
 * time of use), so whatever total the original counted in, by whatever attribute, is the total it corrects.</li>
 * </ul>
 */
final class RepricingPlanner {

    private RepricingPlanner() {
    }

    /** The corrections to append, in ledger order of their originals, and what was left as it was. */
    record Plan(List<SpendRepriced> corrections, int unchanged, int otherProvider, long costDeltaUsdMicros) {
    }

    static Plan plan(Repricing repricing, RateCardVersion card, ModelPrice price, List<SpendCandidate> candidates,
                     Map<Long, Spend> latestRepriced, Instant requestedAt) {
        RateCardRef reference = card.reference();
        List<SpendRepriced> corrections = new ArrayList<>();
        int unchanged = 0;
        int otherProvider = 0;
        long costDelta = 0;
        for (SpendCandidate candidate : candidates) {
            SpendRecorded recorded = candidate.recorded();
            if (recorded.provider() != null && !recorded.provider().equalsIgnoreCase(card.card().provider())) {
                otherProvider++;
                continue;
            }
            Spend current = latestRepriced.getOrDefault(candidate.position(), recorded.spend());
            long cost = costOf(candidate, current, price, reference);
            if (cost == current.costUsdMicros() && reference.equals(current.rateCard())) {
                unchanged++;
                continue;
            }
            SpendRepriced correction = new SpendRepriced(repricing.repricingId(), candidate.position(),
                    recorded.recordId(), recorded.personRef(), recorded.team(), recorded.model(), current,
                    Spend.priced(current.tokens(), cost, reference), repricing.actor(), repricing.reason(),
                    recorded.occurredAt(), requestedAt, recorded.costCenter(), recorded.provider(),
                    recorded.purpose());
            corrections.add(correction);
            try {
                costDelta = Math.addExact(costDelta, correction.costDeltaUsdMicros());
            } catch (ArithmeticException overflow) {
                throw RepricingRefusedException.badRequest("occurredTo", "the total change of cost overflows a "
                        + "64-bit amount of USD micros; narrow the window");
            }
        }
        return new Plan(List.copyOf(corrections), unchanged, otherProvider, costDelta);
    }

    private static long costOf(SpendCandidate candidate, Spend current, ModelPrice price, RateCardRef reference) {
        try {
            return Pricer.costUsdMicros(current.tokens(), price);
        } catch (ArithmeticException overflow) {
            throw RepricingRefusedException.badRequest("rateCardVersion", "pricing the spend recorded at position "
                    + candidate.position() + " (record " + candidate.recorded().recordId() + ") with rate card "
                    + reference.rateCardId() + " version " + reference.version()
                    + " overflows a 64-bit amount of USD micros");
        }
    }
}
