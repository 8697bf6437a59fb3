package dev.aispend.ledger.repricing;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a re-pricing request's fields and names every problem at once. Pure: no I/O. */
final class RepricingRequestValidator {
    /** No '/': it separates the id from the original position in the idempotency key. */
    private static final Pattern REPRICING_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** The width of the indexed text columns (model, team...) and of the audit attributes. */
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_REASON_LENGTH = 2000;

    private RepricingRequestValidator() {
    }

    static Repricing validate(RepricingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String repricingId = request.repricingId() == null ? UUID.randomUUID().toString() : request.repricingId();
        if (!REPRICING_ID.matcher(repricingId).matches()) {
            errors.add(new FieldError("repricingId", "must be 1..128 letters, digits, '.', '_', ':' or '-'"));
        }
        requireText(errors, "model", request.model(), MAX_NAME_LENGTH);
        Instant from = instant(errors, "occurredFrom", request.occurredFrom());
        Instant to = instant(errors, "occurredTo", request.occurredTo());
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("occurredTo", "must be after occurredFrom (the window is [from, to))"));
        }
        requireText(errors, "rateCardId", request.rateCardId(), MAX_NAME_LENGTH);
        if (request.rateCardVersion() == null) {
            errors.add(new FieldError("rateCardVersion", "is required"));
        } else if (request.rateCardVersion() < 1) {
            errors.add(new FieldError("rateCardVersion", "must be at least 1, was " + request.rateCardVersion()));
        }
        requireText(errors, "actor", request.actor(), MAX_NAME_LENGTH);
        requireText(errors, "reason", request.reason(), MAX_REASON_LENGTH);
        if (!errors.isEmpty()) {
            throw new RepricingRefusedException(HttpStatus.BAD_REQUEST,
                    "the re-pricing request is invalid; nothing was recorded", errors);
        }
        return new Repricing(repricingId, request.model(), from, to, request.rateCardId(),
                request.rateCardVersion(), request.actor(), request.reason());
    }

    private static void requireText(List<FieldError> errors, String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }

    private static Instant instant(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }
}
