package dev.aispend.ledger.query;

import dev.aispend.ledger.entries.StoredEntry;
import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * One entry an audit query found: the sealed entry exactly as stored (what an auditor rehashes), and the audit
 * attributes the database copied from its payload (the team is already part of {@link StoredEntry}).
 */
record QueriedEntry(StoredEntry stored, @Nullable String personRef, @Nullable String source,
                    @Nullable String policyId, @Nullable String model) {

    QueriedEntry {
        Objects.requireNonNull(stored, "stored");
    }

    long position() {
        return stored.position();
    }
}
