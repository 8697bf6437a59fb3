package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.directory.DirectoryLinks;
import dev.aispend.ingest.directory.DirectoryRow;
import dev.aispend.ingest.directory.DirectoryStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One directory row as the read API shows it: the alias (normalized) and whom it belongs to from
 * {@code validFrom}, with the pseudonymous refs the ledger knows it by ({@code aliasRef}, {@code personRef}) and
 * the id of its {@code IdentityLinked} event, to find it in the ledger.
 */
@Serdeable
record EntryView(String kind, String value, Instant validFrom, String person, String team,
                 @Nullable String costCenter, String linkId, String aliasRef, String personRef, Instant recordedAt) {

    static EntryView of(DirectoryStore.Recorded recorded, DirectoryLinks links) {
        DirectoryRow row = recorded.row();
        return new EntryView(row.kind().wireName(), row.value(), row.validFrom(), row.personId(), row.team(),
                row.costCenter(), row.linkId(), links.aliasRef(row.kind(), row.value()), links.personRef(row.personId()),
                recorded.recordedAt());
    }
}
