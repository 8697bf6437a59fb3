package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final DirectoryRules rules = new DirectoryRules(Duration.ofMinutes(5), Duration.ofDays(1100),
            new DirectoryConfiguration(10_000, 3, 8), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void accepts_a_complete_entry() {
        assertThat(rules.check(entry("alice@example.com", "platform", "cc-1", NOW.minusSeconds(60),
                List.of("alice@example.com")))).isEmpty();
    }

    @Test
    void names_each_field_that_breaks_a_rule() {
        PersonEntry bad = new PersonEntry(" ", "plat form", "-cc", NOW.plus(Duration.ofMinutes(6)),
                Map.of(AliasKind.EMAIL, List.of("ok@example.com", "bell\u0007@example.com"),
                        AliasKind.API_KEY_ID, List.of("k".repeat(321))));

        assertThat(rules.check(bad)).extracting(FieldError::field).containsExactlyInAnyOrder("person", "team",
                "costCenter", "validFrom", "aliases.email[1]", "aliases.apiKeyId[0]");
    }

    @Test
    void requires_person_and_team_but_not_cost_center_or_valid_from() {
        assertThat(rules.check(new PersonEntry(null, null, null, null, Map.of())))
                .containsExactlyInAnyOrder(new FieldError("person", "is required"), new FieldError("team", "is required"));
    }

    @Test
    void refuses_a_valid_from_beyond_the_backfill_window_or_finer_than_a_microsecond() {
        assertThat(rules.check(entry("a", "t", null, NOW.minus(Duration.ofDays(1101)), List.of())))
                .extracting(FieldError::message).singleElement().asString().contains("1100 days in the past");
        assertThat(rules.check(entry("a", "t", null, NOW.minusNanos(1), List.of())))
                .extracting(FieldError::message).singleElement().asString().contains("microsecond");
    }

    @Test
    void bounds_the_aliases_of_an_entry_and_the_rows_of_a_request() {
        assertThat(rules.check(entry("a", "t", null, null, List.of("1@x", "2@x", "3@x", "4@x"))))
                .extracting(FieldError::field).containsExactly("aliases");
        List<PersonEntry> nine = Collections.nCopies(3, entry("a", "t", null, null, List.of("1@x", "2@x")));

        assertThatThrownBy(() -> rules.requireValid(nine, Locator.elements("people")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldError::field).containsExactly("$"));
    }

    @Test
    void refuses_one_alias_given_two_owners_from_the_same_instant_naming_both_places() {
        List<PersonEntry> entries = List.of(
                entry("alice@example.com", "platform", null, NOW, List.of("shared@example.com")),
                entry("bob@example.com", "platform", null, NOW, List.of("SHARED@example.com")));

        assertThatThrownBy(() -> rules.requireValid(entries, Locator.elements("people")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .containsExactly(new FieldError("people[1].aliases.email[0]", "gives this email another "
                                + "person, team or cost center than people[0].aliases.email[0] from the same validFrom")));
    }

    @Test
    void takes_the_same_entry_twice_in_one_request() {
        PersonEntry alice = entry("alice@example.com", "platform", null, NOW, List.of("alice@example.com"));

        rules.requireValid(List.of(alice, alice), Locator.elements("people"));
    }

    private static PersonEntry entry(String person, String team, String costCenter, Instant validFrom,
                                     List<String> emails) {
        return new PersonEntry(person, team, costCenter, validFrom, Map.of(AliasKind.EMAIL, emails));
    }
}
