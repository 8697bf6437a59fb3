package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.Pseudonymizer;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns directory entries into rows and the rows into {@code IdentityLink}s of pseudonymous refs; pure, no I/O.
 * <p>A link's {@code aliasRef} is exactly the ref an unattributed record carried for that alias, so reports can
 * re-attribute it: {@link Pseudonymizer#aliasRef} for an email, a login or an id, and for the person key itself
 * {@link Pseudonymizer#personRef}, since a record naming a person key the directory did not list yet carries
 * that ref ({@link IdentityResolver}). Its {@code linkId} is derived from everything the link says but its
 * arrival time, so the same entry written or imported again is the same link and the ledger records it once.
 */
public final class DirectoryLinks {
    /** The {@code source} of every link the directory publishes. */
    public static final String SOURCE = "directory";
    static final String LINK_ID_PREFIX = IdPrefixes.DIRECTORY_LINK;

    private final Pseudonymizer pseudonymizer;

    public DirectoryLinks(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /**
     * The rows of an entry from {@code validFrom}: the person key's own row first, then each alias in
     * {@link AliasKind} order, normalized, an alias given twice (e.g. in two spellings of case) once.
     * The entry must have passed {@link DirectoryRules}.
     */
    public List<DirectoryRow> rows(PersonEntry entry, Instant validFrom) {
        String personId = AliasKind.PERSON.normalize(entry.person());
        List<DirectoryRow> rows = new ArrayList<>(entry.aliasCount() + 1);
        rows.add(row(AliasKind.PERSON, personId, validFrom, personId, entry));
        for (Map.Entry<AliasKind, List<String>> kind : entry.aliases().entrySet()) {
            Set<String> values = new LinkedHashSet<>();
            kind.getValue().forEach(value -> values.add(kind.getKey().normalize(value)));
            values.forEach(value -> rows.add(row(kind.getKey(), value, validFrom, personId, entry)));
        }
        return rows;
    }

    /** The ref an unattributed record carries for this alias, and the link's {@code aliasRef}. */
    public String aliasRef(AliasKind kind, String value) {
        return kind == AliasKind.PERSON ? pseudonymizer.personRef(value) : pseudonymizer.aliasRef(kind, value);
    }

    public String personRef(String personId) {
        return pseudonymizer.personRef(personId);
    }

    public IdentityLink link(DirectoryRow row, Instant receivedAt) {
        return new IdentityLink(row.linkId(), aliasRef(row.kind(), row.value()), row.kind().wireName(),
                personRef(row.personId()), row.team(), row.costCenter(), row.validFrom(), receivedAt, SOURCE);
    }

    /** The link of a row as the table keeps it: the same link as of the row it was written from. */
    public IdentityLink link(SealedRows.Stored stored, Instant receivedAt) {
        return new IdentityLink(stored.linkId(), stored.aliasRef(), stored.kind().wireName(), stored.personRef(),
                stored.team(), stored.costCenter(), stored.validFrom(), receivedAt, SOURCE);
    }

    private DirectoryRow row(AliasKind kind, String value, Instant validFrom, String personId, PersonEntry entry) {
        String linkId = DeterministicIds.of(LINK_ID_PREFIX, kind.wireName(), aliasRef(kind, value),
                personRef(personId), entry.team(), entry.costCenter(), validFrom.toString());
        return new DirectoryRow(kind, value, validFrom, personId, entry.team(), entry.costCenter(), linkId);
    }
}
