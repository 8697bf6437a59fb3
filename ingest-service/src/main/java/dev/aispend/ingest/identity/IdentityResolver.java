package dev.aispend.ingest.identity;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a submission's aliases through the directory as of the time of the use, and pseudonymizes the result:
 * nothing that leaves ingest names a person. The first alias the directory knows (in {@code AliasKind} order)
 * decides the person, and the team and cost center unless the client named them. An unknown alias is never
 * dropped: it is recorded under its pseudonymous alias ref, and a later directory entry links it by an event.
 * A request's subjects are resolved together ({@link #resolveAll}): one directory query for all their aliases.
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
        return resolveAll(List.of(new Subject(subject, team, costCenter, at))).get(0);
    }

    /** Each subject's attribution, in order, from one directory lookup of every distinct (alias, time). */
    public List<Attribution> resolveAll(List<Subject> subjects) {
        Set<Directory.Lookup> lookups = new LinkedHashSet<>();
        for (Subject subject : subjects) {
            for (SubjectAliases.Alias alias : subject.aliases().given()) {
                lookups.add(lookup(alias, subject.at()));
            }
        }
        Map<Directory.Lookup, DirectoryEntry> found = lookups.isEmpty() ? Map.of() : directory.findAll(lookups);
        List<Attribution> attributions = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            attributions.add(attribution(subject, found));
        }
        return attributions;
    }

    private Attribution attribution(Subject subject, Map<Directory.Lookup, DirectoryEntry> found) {
        String team = subject.team();
        String costCenter = subject.costCenter();
        for (SubjectAliases.Alias alias : subject.aliases().given()) {
            DirectoryEntry entry = found.get(lookup(alias, subject.at()));
            if (entry != null) {
                return new Attribution(entry.personRef(), team != null ? team : entry.team(),
                        team != null ? costCenter : (costCenter != null ? costCenter : entry.costCenter()), true);
            }
        }
        String resolvedTeam = team != null ? team : UNATTRIBUTED;
        String person = subject.aliases().person();
        if (person != null && !person.isBlank()) {
            // A stable person key the directory does not list yet: its person ref is what the directory will use.
            return new Attribution(pseudonymizer.personRef(person), resolvedTeam, costCenter, team != null);
        }
        return subject.aliases().given().stream().findFirst()
                .map(alias -> new Attribution(pseudonymizer.aliasRef(alias.kind(), alias.value()), resolvedTeam,
                        costCenter, false))
                .orElseGet(() -> new Attribution(UNATTRIBUTED, resolvedTeam, costCenter, false));
    }

    private static Directory.Lookup lookup(SubjectAliases.Alias alias, Instant at) {
        return new Directory.Lookup(alias.kind(), alias.kind().normalize(alias.value()), at);
    }

    /** Who a submission is about, the team and cost center its client named, and when the use happened. */
    public record Subject(SubjectAliases aliases, @Nullable String team, @Nullable String costCenter, Instant at) {
    }
}
