package dev.aispend.platform.pricing;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.policy.PolicyKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded version of a rate card: the card's policy id and version, the instant from which it prices usage,
 * and the ledger position of the {@code PolicyChanged} entry that recorded it. The position orders versions the
 * way the ledger saw them and breaks ties in {@link RateCardBook#lookup}.
 */
public record RateCardVersion(String rateCardId, long version, Instant effectiveFrom, long ledgerPosition,
                              RateCard card) {

    public RateCardVersion {
        Objects.requireNonNull(rateCardId, "rateCardId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(card, "card");
        if (rateCardId.isBlank()) {
            throw new IllegalArgumentException("rateCardId must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a rate card version starts at 1, was " + version);
        }
        if (ledgerPosition < 1) {
            throw new IllegalArgumentException("a ledger position starts at 1, was " + ledgerPosition);
        }
    }

    /**
     * The version a {@code RATE_CARD} policy change recorded at {@code ledgerPosition} introduces. Throws
     * {@link InvalidRateCardException} if its content is not a valid rate card, and IllegalArgumentException for
     * any other kind of policy.
     */
    public static RateCardVersion of(PolicyChanged changed, long ledgerPosition) {
        if (changed.kind() != PolicyKind.RATE_CARD) {
            throw new IllegalArgumentException("policy " + changed.policyId() + " is a " + changed.kind()
                    + " policy, not a rate card");
        }
        return new RateCardVersion(changed.policyId(), changed.version(), changed.effectiveFrom(), ledgerPosition,
                RateCard.parse(changed.content()));
    }

    /** How spend priced by this version names it. */
    public RateCardRef reference() {
        return new RateCardRef(rateCardId, version);
    }
}
