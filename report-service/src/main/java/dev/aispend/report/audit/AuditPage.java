package dev.aispend.report.audit;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One page of an audit list, in ledger order: {@code limit} rows (1 to {@code report.max-page-size}, default
 * {@value #DEFAULT_LIMIT} or the maximum when that is smaller) after skipping {@code offset}. Pure.
 */
public record AuditPage(int limit, long offset) {
    public static final int DEFAULT_LIMIT = 100;

    /** The page asked for; each bad parameter is added to {@code errors}, naming it (the page is then unusable). */
    static AuditPage parse(@Nullable String limit, @Nullable String offset, int maxPageSize, List<FieldError> errors) {
        int rows = Math.min(DEFAULT_LIMIT, maxPageSize);
        if (limit != null) {
            Long value = whole(limit);
            if (value == null || value < 1 || value > maxPageSize) {
                errors.add(new FieldError("limit", "must be a whole number within 1.." + maxPageSize
                        + " (report.max-page-size)"));
            } else {
                rows = value.intValue();
            }
        }
        long skip = 0;
        if (offset != null) {
            Long value = whole(offset);
            if (value == null || value < 0) {
                errors.add(new FieldError("offset", "must be a whole number, 0 or more"));
            } else {
                skip = value;
            }
        }
        return new AuditPage(rows, skip);
    }

    /** What a page says about itself; {@code nextOffset} is null on the last page. */
    Paging paging(long total, int returned) {
        long next = offset + returned;
        return new Paging(limit, offset, total, returned, next < total ? next : null);
    }

    @Serdeable
    public record Paging(int limit, long offset, long total, int returned, @Nullable Long nextOffset) {
    }

    @Nullable
    private static Long whole(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
