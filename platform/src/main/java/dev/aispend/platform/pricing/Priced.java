package dev.aispend.platform.pricing;

import dev.aispend.contracts.ledger.RateCardRef;

import java.util.Objects;

/**
 * What {@link RateCardBook#lookup} found: the rate card version in force for a usage, the model of that card that
 * priced it (the aliased model when the usage named an alias), and that model's price.
 */
public record Priced(RateCardVersion version, String model, ModelPrice price) {

    public Priced {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(price, "price");
    }

    /** The card version to record on the spend it prices. */
    public RateCardRef rateCard() {
        return version.reference();
    }
}
