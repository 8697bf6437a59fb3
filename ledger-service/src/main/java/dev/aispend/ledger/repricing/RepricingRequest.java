package dev.aispend.ledger.repricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /v1/ledger/repricings}. Everything is nullable and the instants are text here, so that
 * a missing or malformed field is reported by name ({@link RepricingRequestValidator}), not as a decoding error.
 *
 * @param repricingId  the client's id for this re-pricing (its idempotency key); a UUID when absent
 * @param occurredFrom ISO-8601 instant, inclusive
 * @param occurredTo   ISO-8601 instant, exclusive
 * @param actor        who asks: the authenticated caller (a body may leave it out, or name the caller)
 */
@Serdeable
public record RepricingRequest(
        @Nullable String repricingId,
        @Nullable String model,
        @Nullable String occurredFrom,
        @Nullable String occurredTo,
        @Nullable String rateCardId,
        @Nullable Long rateCardVersion,
        @Nullable String actor,
        @Nullable String reason) {
}
