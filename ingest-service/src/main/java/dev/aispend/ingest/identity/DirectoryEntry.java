package dev.aispend.ingest.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * The person an alias belongs to, by the pseudonymous ref the ledger knows them by (never the person key itself:
 * resolving usage needs no personal data, so the directory does not decrypt any), their team and cost center.
 */
public record DirectoryEntry(String personRef, String team, @Nullable String costCenter) {
}
