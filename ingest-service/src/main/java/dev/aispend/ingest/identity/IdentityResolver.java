package dev.aispend.ingest.identity;

import dev.aispend.ingest.identity.SubjectAliases;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a submission's aliases through the directory as of the time of the use, and pseudonymizes the result:
 * nothing that leaves ingest names a person. The first alias the directory knows (in {@code AliasKind} order)
 * decides the person, and the team and cost center unless the client named them. An unknown alias is never
 * dropped: it is recorded under its pseudonymous alias ref, and a later directory entry links it by an event.
 */
public final class IdentityResolver {
    /** The person ref and team of a use that names nobody and no team. */
    public static final String UNATTRIBUTED = "unattributed";

    private final Directory directory;
    private final Pseudonymizer pseudonymizer;

    public IdentityResolver(Directory directory, Pseudonymizer pseudonymizer) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
    }

    public Attribution resolve(SubjectAliases subject, @Nullable String team, @Nullable String costCenter,
                               Instant at) {
        for (SubjectAliases.Alias alias : subject.given()) {
            Optional<DirectoryEntry> entry = directory.find(alias.kind(), alias.kind().normalize(alias.value()), at);
            if (entry.isPresent()) {
                DirectoryEntry found = entry.get();
                return new Attribution(pseudonymizer.personRef(found.personId()), team != null ? team : found.team(),
                        team != null ? costCenter : (costCenter != null ? costCenter : found.costCenter()), true);
            }
        }
        String resolvedTeam = team != null ? team : UNATTRIBUTED;
        if (subject.person() != null && !subject.person().isBlank()) {
            // A stable person key the directory does not list yet: its person ref is what the directory will use.
            return new Attribution(pseudonymizer.personRef(subject.person()), resolvedTeam, costCenter, team != null);
        }
        return subject.given().stream().findFirst()
                .map(alias -> new Attribution(pseudonymizer.aliasRef(alias.kind(), alias.value()), resolvedTeam,
                        costCenter, false))
                .orElseGet(() -> new Attribution(UNATTRIBUTED, resolvedTeam, costCenter, false));
    }
}
