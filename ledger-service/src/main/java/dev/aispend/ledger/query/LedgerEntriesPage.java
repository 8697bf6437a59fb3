package dev.aispend.ledger.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A JSON answer of {@code GET /v1/ledger/entries}.
 *
 * @param nextAfter the {@code after} of the next page: the last position of this one when more entries match,
 *                  null when this page is the last. Written even when null (the service leaves nulls out
 *                  elsewhere), so a client can tell "no more" from a missing field.
 * @param limit     the page size this answer was read with, defaulted or given
 */
@Serdeable
record LedgerEntriesPage(List<LedgerEntryView> entries,
                         @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) Long nextAfter,
                         long limit) {
}
