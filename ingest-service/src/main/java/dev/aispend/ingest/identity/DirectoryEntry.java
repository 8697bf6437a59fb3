package dev.aispend.ingest.identity;

import io.micronaut.core.annotation.Nullable;

/** The person an alias belongs to (the directory's person key, personal data kept in ingest), their team and cost center. */
public record DirectoryEntry(String personId, String team, @Nullable String costCenter) {
}
