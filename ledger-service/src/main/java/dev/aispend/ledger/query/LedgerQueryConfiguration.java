package dev.aispend.ledger.query;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the audit query {@code GET /v1/ledger/entries} ({@code ledger.query.*}, each with an environment
 * variable).
 *
 * @param maxPageSize the most entries one JSON page may hold: every entry of a page is in memory at once
 * @param maxCsvRows  the most rows one CSV export may hold: a CSV export is streamed, so this bounds how long one
 *                    request may run, not memory
 */
@ConfigurationProperties("ledger.query")
public record LedgerQueryConfiguration(@Bindable(defaultValue = "1000") int maxPageSize,
                                       @Bindable(defaultValue = "1000000") long maxCsvRows) {

    public LedgerQueryConfiguration {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("ledger.query.max-page-size must be at least 1");
        }
        if (maxCsvRows < 1) {
            throw new IllegalArgumentException("ledger.query.max-csv-rows must be at least 1");
        }
    }
}
