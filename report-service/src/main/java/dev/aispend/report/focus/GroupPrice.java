package dev.aispend.report.focus;

import dev.aispend.platform.pricing.ModelPrice;
import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * What the export knows about the prices behind a group's cost: no card priced it, or the recorded card version's
 * prices for the group's model, or the card version is named but cannot be read as of the export's position (not
 * recorded, not a valid card, or not listing the model).
 *
 * @param price        the model's prices, when {@link Status#PRICED}
 * @param cardProvider the provider the card names, when the card could be read
 */
record GroupPrice(Status status, @Nullable ModelPrice price, @Nullable String cardProvider) {
    enum Status { UNPRICED, PRICED, NOT_FOUND }

    GroupPrice {
        Objects.requireNonNull(status, "status");
        if ((status == Status.PRICED) != (price != null)) {
            throw new IllegalArgumentException("a price is given exactly when the group is priced");
        }
    }

    static GroupPrice unpriced() {
        return new GroupPrice(Status.UNPRICED, null, null);
    }

    static GroupPrice priced(ModelPrice price, String cardProvider) {
        return new GroupPrice(Status.PRICED, Objects.requireNonNull(price, "price"), cardProvider);
    }

    static GroupPrice notFound(@Nullable String cardProvider) {
        return new GroupPrice(Status.NOT_FOUND, null, cardProvider);
    }
}
