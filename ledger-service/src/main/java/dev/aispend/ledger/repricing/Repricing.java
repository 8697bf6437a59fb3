package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.RateCardRef;

import java.time.Instant;

/** A validated re-pricing request: spend of {@code model} that occurred in [occurredFrom, occurredTo). */
record Repricing(String repricingId, String model, Instant occurredFrom, Instant occurredTo, String rateCardId,
                 long rateCardVersion, String actor, String reason) {

    RateCardRef rateCard() {
        return new RateCardRef(rateCardId, rateCardVersion);
    }
}
