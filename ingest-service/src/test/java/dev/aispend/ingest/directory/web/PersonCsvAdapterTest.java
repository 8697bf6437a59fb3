package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.platform.web.FieldError;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonCsvAdapterTest {
    private static final String HEADER =
            "person,team,costCenter,validFrom,email,githubLogin,providerAccountId,apiKeyId\n";
    private final PersonCsvAdapter adapter = new PersonCsvAdapter(3);

    @Test
    void reads_one_entry_per_row_with_several_aliases_in_a_cell() {
        List<PersonEntry> entries = read(HEADER
                + "alice@example.com,platform,cc-1,2026-01-01T00:00:00Z,alice@example.com|a.smith@example.com,"
                + "alice-gh,,apikey_01\n"
                + "bob@example.com,research,,,bob@example.com,,,\n");

        assertThat(entries).containsExactly(
                new PersonEntry("alice@example.com", "platform", "cc-1", Instant.parse("2026-01-01T00:00:00Z"),
                        Map.of(AliasKind.EMAIL, List.of("alice@example.com", "a.smith@example.com"),
                                AliasKind.GITHUB_LOGIN, List.of("alice-gh"), AliasKind.API_KEY_ID, List.of("apikey_01"))),
                new PersonEntry("bob@example.com", "research", null, null,
                        Map.of(AliasKind.EMAIL, List.of("bob@example.com"))));
    }

    @Test
    void reads_quoted_cells_holding_commas_quotes_and_line_breaks() {
        List<PersonEntry> entries = read("person,team,apiKeyId\n"
                + "\"Smith, Carol\",platform,\"key \"\"one\"\" | key,two\"\n"
                + "\"dan\nline\",platform,\n");

        assertThat(entries.get(0).person()).isEqualTo("Smith, Carol");
        assertThat(entries.get(0).aliases().get(AliasKind.API_KEY_ID)).containsExactly("key \"one\"", "key,two");
        assertThat(entries.get(1).person()).isEqualTo("dan\nline");
    }

    @Test
    void takes_columns_in_any_order_and_case_and_skips_a_byte_order_mark() {
        List<PersonEntry> entries = read("\uFEFFTeam,PERSON,email\nplatform,erin@example.com,erin@example.com\n");

        assertThat(entries).containsExactly(new PersonEntry("erin@example.com", "platform", null, null,
                Map.of(AliasKind.EMAIL, List.of("erin@example.com"))));
    }

    @Test
    void names_row_and_column_of_a_bad_valid_from_and_a_row_with_too_many_cells() {
        assertRefused(() -> read(HEADER + "a,t,,yesterday,,,,\n" + "b,t,,,,,,,extra\n"),
                new FieldError("row 2 column validFrom",
                        "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-01T00:00:00Z"),
                new FieldError("row 3", "has 9 cells; the header names 8 columns (quote a cell that holds a comma)"));
    }

    @Test
    void refuses_an_unknown_or_repeated_column_and_a_header_without_team() {
        assertRefused(() -> read("person,emial,team,team\na,b,c,d\n"),
                new FieldError("row 1 column 2", "names \"emial\", not a column of the directory import (person, "
                        + "team, costCenter, validFrom, email, githubLogin, providerAccountId, apiKeyId)"),
                new FieldError("row 1 column team", "is named twice"));
        assertRefused(() -> read("person,email\na,b\n"),
                new FieldError("row 1", "the header must name the column team"));
    }

    @Test
    void refuses_more_rows_than_the_limit_an_empty_body_and_a_header_alone() {
        assertThatThrownBy(() -> read("person,team\na,t\nb,t\nc,t\nd,t\n"))
                .hasMessageContaining("more than 3 entries").hasMessageContaining("INGEST_DIRECTORY_MAX_IMPORT_ROWS");
        assertThatThrownBy(() -> read("")).hasMessageContaining("the body is empty");
        assertThatThrownBy(() -> read("person,team\n")).hasMessageContaining("no entries");
    }

    @Test
    void refuses_text_that_is_not_utf8_and_an_unclosed_quote() {
        assertThatThrownBy(() -> adapter.read(new byte[] {'p', ',', (byte) 0xC3, '\n'}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> read("person,team\na,t\n\"b,t\n")).hasMessageContaining("row 3: is not valid CSV");
    }

    @Test
    void places_a_rule_reason_of_an_alias_in_its_column() {
        assertThat(PersonCsvAdapter.LOCATOR.path(0, "aliases.githubLogin[2]")).isEqualTo("row 2 column githubLogin");
        assertThat(PersonCsvAdapter.LOCATOR.path(4, "team")).isEqualTo("row 6 column team");
        assertThat(PersonCsvAdapter.LOCATOR.path(4, "aliases")).isEqualTo("row 6");
    }

    private List<PersonEntry> read(String csv) {
        return adapter.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable read, FieldError... reasons) {
        assertThatThrownBy(read).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).containsExactly(reasons));
    }
}
