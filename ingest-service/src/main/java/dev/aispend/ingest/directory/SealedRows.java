package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link DirectoryRow} is kept in {@code directory_entry} without personal data in plaintext: the alias is
 * found by its ref and the person by their ref (the keyed HMACs of PSEUDONYM_KEY the ledger already knows them
 * by, {@link DirectoryLinks}), and the alias value and the person key are stored only encrypted
 * ({@link DirectoryCipher}), each bound to its row's ref.
 */
@Singleton
public final class SealedRows {
    private static final String ALIAS = "alias\0";
    private static final String PERSON = "person\0";

    private final DirectoryLinks links;
    private final DirectoryCipher cipher;

    public SealedRows(DirectoryLinks links, DirectoryCipher cipher) {
        this.links = links;
        this.cipher = cipher;
    }

    /** The lookup key of an alias: {@code als_...}, or the person ref for the person key itself. */
    public String aliasRef(AliasKind kind, String normalizedValue) {
        return links.aliasRef(kind, normalizedValue);
    }

    public String personRef(String personId) {
        return links.personRef(personId);
    }

    /** The row as the table keeps it: each ref computed once, each value sealed for it. */
    public Stored seal(DirectoryRow row) {
        String aliasRef = aliasRef(row.kind(), row.value());
        String personRef = personRef(row.personId());
        return new Stored(row.kind(), aliasRef, cipher.seal(row.value(), ALIAS + aliasRef), row.validFrom(),
                personRef, cipher.seal(row.personId(), PERSON + personRef), row.team(), row.costCenter(),
                row.linkId());
    }

    /** Whether the stored row gives its alias to the same person, team and cost center as {@code row}. */
    public boolean sameAssignment(Stored stored, DirectoryRow row) {
        return stored.personRef().equals(personRef(row.personId())) && stored.team().equals(row.team())
                && Objects.equals(stored.costCenter(), row.costCenter());
    }

    /** The row a stored one holds, decrypted: for the admin's reads, conflicts and re-identification only. */
    public DirectoryRow open(Stored stored) {
        return new DirectoryRow(stored.kind(), cipher.open(stored.aliasSealed(), ALIAS + stored.aliasRef()),
                stored.validFrom(), cipher.open(stored.personSealed(), PERSON + stored.personRef()), stored.team(),
                stored.costCenter(), stored.linkId());
    }

    /** A row as the table holds it. */
    public record Stored(AliasKind kind, String aliasRef, byte[] aliasSealed, Instant validFrom, String personRef,
                         byte[] personSealed, String team, @Nullable String costCenter, String linkId) {
    }
}
