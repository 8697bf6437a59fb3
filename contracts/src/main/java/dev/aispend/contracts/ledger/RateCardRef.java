package dev.aispend.contracts.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/** The rate card version a price came from: a {@code RATE_CARD} policy's id and the version recorded in the ledger. */
@Serdeable
public record RateCardRef(String rateCardId, long version) {
    public RateCardRef {
        Objects.requireNonNull(rateCardId, "rateCardId");
        if (version < 1) {
            throw new IllegalArgumentException("a rate card version starts at 1, was " + version);
        }
    }
}
