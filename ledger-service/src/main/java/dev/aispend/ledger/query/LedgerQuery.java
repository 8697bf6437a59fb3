package dev.aispend.ledger.query;

import java.util.Objects;

/**
 * One validated audit query: the entries {@code filter} selects after position {@code after}, in position order,
 * at most {@code limit} of them, answered as {@code format}.
 */
public record LedgerQuery(LedgerFilter filter, long after, long limit, ExportFormat format) {

    public LedgerQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(format, "format");
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative, was " + after);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
