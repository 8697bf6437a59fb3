package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import jakarta.inject.Singleton;

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

    public byte[] sealAlias(DirectoryRow row) {
        return cipher.seal(row.value(), ALIAS + aliasRef(row.kind(), row.value()));
    }

    public byte[] sealPerson(DirectoryRow row) {
        return cipher.seal(row.personId(), PERSON + personRef(row.personId()));
    }

    /** The row a stored one holds, decrypted: for the admin's reads, conflicts and re-identification only. */
    public DirectoryRow open(Stored stored) {
        return new DirectoryRow(stored.kind(), cipher.open(stored.aliasSealed(), ALIAS + stored.aliasRef()),
                stored.validFrom(), cipher.open(stored.personSealed(), PERSON + stored.personRef()), stored.team(),
                stored.costCenter(), stored.linkId());
    }

    /** A row as the table holds it. */
    public record Stored(AliasKind kind, String aliasRef, byte[] aliasSealed, java.time.Instant validFrom,
                         String personRef, byte[] personSealed, String team, String costCenter, String linkId) {
    }
}
