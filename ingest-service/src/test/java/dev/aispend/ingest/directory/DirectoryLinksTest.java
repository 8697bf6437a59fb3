package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.Pseudonymizer;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.ingest.identity.AliasKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryLinksTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(Base64.getEncoder().encodeToString(new byte[32]));
    private final DirectoryLinks links = new DirectoryLinks(pseudonymizer);

    @Test
    void gives_the_same_link_ids_to_the_same_entry_written_twice() {
        List<String> first = links.rows(alice("platform", "cc-1"), FROM).stream().map(DirectoryRow::linkId).toList();
        List<String> second = links.rows(alice("platform", "cc-1"), FROM).stream().map(DirectoryRow::linkId).toList();

        assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second);
        assertThat(first).allSatisfy(id -> assertThat(id).matches("lnk-[0-9a-f]{32}"));
    }

    @Test
    void gives_other_link_ids_when_team_cost_center_or_valid_from_differ() {
        String base = personLinkId(alice("platform", "cc-1"), FROM);

        assertThat(personLinkId(alice("research", "cc-1"), FROM)).isNotEqualTo(base);
        assertThat(personLinkId(alice("platform", null), FROM)).isNotEqualTo(base);
        assertThat(personLinkId(alice("platform", "cc-1"), FROM.plusNanos(1_000))).isNotEqualTo(base);
    }

    @Test
    void normalizes_aliases_so_two_spellings_are_one_row_and_one_link() {
        PersonEntry shouting = new PersonEntry(" Alice@Example.com ", "platform", null, null,
                Map.of(AliasKind.EMAIL, List.of("ALICE@example.com", "alice@example.com")));

        List<DirectoryRow> rows = links.rows(shouting, FROM);

        assertThat(rows).extracting(DirectoryRow::kind, DirectoryRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AliasKind.PERSON, "alice@example.com"),
                org.assertj.core.groups.Tuple.tuple(AliasKind.EMAIL, "alice@example.com"));
        assertThat(rows.get(1).linkId()).isEqualTo(links.rows(alice("platform", null), FROM).get(1).linkId());
    }

    @Test
    void links_carry_the_refs_an_unattributed_record_carries_and_no_personal_data() {
        List<IdentityLink> published = links.rows(alice("platform", "cc-1"), FROM).stream()
                .map(row -> links.link(row, FROM.plusSeconds(5))).toList();

        assertThat(published).extracting(IdentityLink::aliasKind).containsExactly("person", "email", "githubLogin");
        assertThat(published.get(0).aliasRef()).isEqualTo(pseudonymizer.personRef("alice@example.com"));
        assertThat(published.get(1).aliasRef()).isEqualTo(pseudonymizer.aliasRef(AliasKind.EMAIL, "alice@example.com"));
        assertThat(published.get(2).aliasRef()).isEqualTo(pseudonymizer.aliasRef(AliasKind.GITHUB_LOGIN, "Alice-GH"));
        assertThat(published).allSatisfy(link -> {
            assertThat(link.personRef()).isEqualTo(pseudonymizer.personRef("alice@example.com"));
            assertThat(link.effectiveFrom()).isEqualTo(FROM);
            assertThat(link.source()).isEqualTo("directory");
            assertThat(link.toString()).doesNotContainIgnoringCase("alice");
        });
    }

    private String personLinkId(PersonEntry entry, Instant validFrom) {
        return links.rows(entry, validFrom).get(0).linkId();
    }

    private static PersonEntry alice(String team, String costCenter) {
        return new PersonEntry("alice@example.com", team, costCenter, null, Map.of(
                AliasKind.EMAIL, List.of("alice@example.com"), AliasKind.GITHUB_LOGIN, List.of("Alice-GH")));
    }
}
