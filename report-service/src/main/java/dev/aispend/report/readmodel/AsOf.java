package dev.aispend.report.readmodel;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code asOf} of a report: a ledger position (digits), or an instant (ISO-8601 with an offset), meaning the
 * longest prefix of the ledger recorded at or before it; absent means everything applied so far.
 */
public record AsOf(@Nullable Long position, @Nullable Instant time) {
    public static final AsOf LATEST = new AsOf(null, null);

    /** Thrown for a value that is neither; the message names the parameter. */
    public static final class InvalidAsOfException extends ReportRefusal {
        InvalidAsOfException(String parameter, String message) {
            super(400, parameter + " " + message, "invalid report request",
                    List.of(new FieldError(parameter, message)));
        }
    }

    public static AsOf parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return LATEST;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 18) {
                throw new InvalidAsOfException("asOf", "is not a ledger position (at most 18 digits)");
            }
            return new AsOf(Long.parseLong(text), null);
        }
        try {
            return new AsOf(null, Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                return new AsOf(null, java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException neither) {
                throw new InvalidAsOfException("asOf", "must be a ledger position (digits) or an ISO-8601 instant "
                        + "with an offset, such as 2026-11-01T00:00:00Z");
            }
        }
    }
}
