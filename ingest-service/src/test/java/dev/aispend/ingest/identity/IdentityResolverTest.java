package dev.aispend.ingest.identity;


import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityResolverTest {
    private static final Instant MOVED = Instant.parse("2026-06-01T00:00:00Z");
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(Base64.getEncoder().encodeToString(new byte[32]));
    /** alice-gh is alice in platform until June, then in research. */
    private final Directory directory = (kind, value, at) -> kind == AliasKind.GITHUB_LOGIN
            && value.equals("alice-gh")
            ? Optional.of(at.isBefore(MOVED) ? new DirectoryEntry(alice(), "platform", "cc-1")
            : new DirectoryEntry(alice(), "research", "cc-2"))
            : Optional.empty();
    private final IdentityResolver resolver = new IdentityResolver(directory, pseudonymizer);

    /** The directory answers by person ref, as it stores people. */
    private String alice() {
        return pseudonymizer.personRef("alice@example.com");
    }

    @Test
    void attributes_through_the_directory_as_of_the_time_of_use() {
        Attribution before = resolver.resolve(SubjectAliases.ofGithubLogin("Alice-GH"), null, null,
                MOVED.minusSeconds(1));
        Attribution after = resolver.resolve(SubjectAliases.ofGithubLogin("alice-gh"), null, null, MOVED);

        assertThat(before).isEqualTo(new Attribution(pseudonymizer.personRef("alice@example.com"), "platform",
                "cc-1", true));
        assertThat(after.team()).isEqualTo("research");
        assertThat(after.personRef()).isEqualTo(before.personRef());
    }

    @Test
    void lets_a_team_the_client_names_win_over_the_directory() {
        Attribution named = resolver.resolve(SubjectAliases.ofGithubLogin("alice-gh"), "infra", null, MOVED);

        assertThat(named.team()).isEqualTo("infra");
        assertThat(named.costCenter()).isNull();
    }

    @Test
    void records_an_unknown_alias_under_its_pseudonymous_ref_never_dropping_it() {
        Attribution unknown = resolver.resolve(SubjectAliases.ofEmail("Bob@Example.com"), null, null, MOVED);

        assertThat(unknown.personRef()).startsWith("als_")
                .isEqualTo(pseudonymizer.aliasRef(AliasKind.EMAIL, "bob@example.com"))
                .isNotEqualTo(pseudonymizer.aliasRef(AliasKind.GITHUB_LOGIN, "bob@example.com"));
        assertThat(unknown.team()).isEqualTo(IdentityResolver.UNATTRIBUTED);
        assertThat(unknown.attributed()).isFalse();
    }

    @Test
    void uses_the_person_key_when_the_directory_does_not_list_it_yet() {
        Attribution keyed = resolver.resolve(new SubjectAliases("carol@example.com", null, null, null, null),
                "platform", null, MOVED);

        assertThat(keyed.personRef()).isEqualTo(pseudonymizer.personRef("carol@example.com"));
        assertThat(keyed.team()).isEqualTo("platform");
    }

    @Test
    void records_a_use_naming_nobody_as_unattributed() {
        assertThat(resolver.resolve(SubjectAliases.NONE, null, null, MOVED).personRef())
                .isEqualTo(IdentityResolver.UNATTRIBUTED);
    }

    @Test
    void resolves_a_requests_subjects_with_one_directory_query_of_distinct_lookups() {
        java.util.List<java.util.Collection<Directory.Lookup>> queries = new java.util.ArrayList<>();
        Directory counting = new Directory() {
            @Override
            public Optional<DirectoryEntry> find(AliasKind kind, String value, Instant at) {
                return directory.find(kind, value, at);
            }

            @Override
            public java.util.Map<Lookup, DirectoryEntry> findAll(java.util.Collection<Lookup> lookups) {
                queries.add(lookups);
                return Directory.super.findAll(lookups);
            }
        };
        IdentityResolver batched = new IdentityResolver(counting, pseudonymizer);
        java.util.List<IdentityResolver.Subject> subjects = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(index -> new IdentityResolver.Subject(SubjectAliases.ofGithubLogin(
                        index % 2 == 0 ? "Alice-GH" : "bob-gh"), null, null,
                        index < 500 ? MOVED.minusSeconds(1) : MOVED)).toList();

        java.util.List<Attribution> attributions = batched.resolveAll(subjects);

        assertThat(queries).singleElement().satisfies(lookups -> assertThat(lookups).hasSize(4));
        assertThat(attributions.get(0).team()).isEqualTo("platform");
        assertThat(attributions.get(998).team()).isEqualTo("research");
        assertThat(attributions.get(1)).isEqualTo(resolver.resolve(SubjectAliases.ofGithubLogin("bob-gh"), null,
                null, MOVED));
    }
}
