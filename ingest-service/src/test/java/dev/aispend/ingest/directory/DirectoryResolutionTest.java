package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.Attribution;
import dev.aispend.ingest.identity.DirectoryEntry;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.Pseudonymizer;


import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.SubjectAliases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolution as of each use's time, against a directory held in memory (the same rows the API writes). */
class DirectoryResolutionTest {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MOVED = Instant.parse("2026-06-01T00:00:00Z");
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(Base64.getEncoder().encodeToString(new byte[32]));
    private final DirectoryLinks links = new DirectoryLinks(pseudonymizer);
    private final List<DirectoryRow> rows = new ArrayList<>();
    private final IdentityResolver resolver = new IdentityResolver(this::find, pseudonymizer);

    DirectoryResolutionTest() {
        rows.addAll(links.rows(dana("platform", "cc-1"), JOINED));
        rows.addAll(links.rows(dana("research", "cc-2"), MOVED));
    }

    @Test
    void attributes_a_use_to_the_team_in_force_at_its_time() {
        Attribution before = resolver.resolve(SubjectAliases.ofEmail("Dana@Example.com"), null, null,
                MOVED.minusSeconds(1));
        Attribution after = resolver.resolve(SubjectAliases.ofEmail("dana@example.com"), null, null, MOVED);

        assertThat(before).isEqualTo(new Attribution(pseudonymizer.personRef("dana@example.com"), "platform", "cc-1",
                true));
        assertThat(after).isEqualTo(new Attribution(pseudonymizer.personRef("dana@example.com"), "research", "cc-2",
                true));
    }

    @Test
    void leaves_a_use_before_the_first_entry_unattributed_under_the_alias_ref_a_link_will_carry() {
        Attribution early = resolver.resolve(SubjectAliases.ofGithubLogin("dana-gh"), null, null,
                JOINED.minusSeconds(1));

        assertThat(early.attributed()).isFalse();
        assertThat(early.team()).isEqualTo(IdentityResolver.UNATTRIBUTED);
        assertThat(early.personRef()).isEqualTo(links.aliasRef(AliasKind.GITHUB_LOGIN, "dana-gh"));
    }

    @Test
    void records_an_unlisted_person_key_under_the_ref_the_person_keys_link_will_carry() {
        Attribution unlisted = resolver.resolve(new SubjectAliases("erin@example.com", null, null, null, null),
                null, null, MOVED);

        assertThat(unlisted.personRef()).isEqualTo(links.aliasRef(AliasKind.PERSON, "erin@example.com"));
    }

    @Test
    void lets_the_team_a_record_names_win_over_the_directory() {
        Attribution named = resolver.resolve(SubjectAliases.ofEmail("dana@example.com"), "ops", null, MOVED);

        assertThat(named).isEqualTo(new Attribution(pseudonymizer.personRef("dana@example.com"), "ops", null, true));
    }

    private Optional<DirectoryEntry> find(AliasKind kind, String value, Instant at) {
        return rows.stream().filter(row -> row.kind() == kind && row.value().equals(value)
                        && !row.validFrom().isAfter(at))
                .max(Comparator.comparing(DirectoryRow::validFrom))
                .map(row -> new DirectoryEntry(links.personRef(row.personId()), row.team(), row.costCenter()));
    }

    private static PersonEntry dana(String team, String costCenter) {
        return new PersonEntry("dana@example.com", team, costCenter, null, Map.of(
                AliasKind.EMAIL, List.of("dana@example.com"), AliasKind.GITHUB_LOGIN, List.of("dana-gh")));
    }
}
