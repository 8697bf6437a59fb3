package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonJsonAdapterTest {
    private static final JsonMapper MAPPER = JsonMapper.createDefault();
    private final PersonJsonAdapter adapter = new PersonJsonAdapter(2, 5);

    @Test
    void reads_an_entry_with_one_alias_as_a_string_and_several_as_an_array() {
        PersonEntry entry = adapter.single(parse("""
                {"person": "alice@example.com", "team": "platform", "costCenter": "cc-1",
                 "validFrom": "2026-01-01T01:00:00+01:00",
                 "aliases": {"email": "alice@example.com", "apiKeyId": ["k1", "k2"]}}"""));

        assertThat(entry).isEqualTo(new PersonEntry("alice@example.com", "platform", "cc-1",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of(AliasKind.EMAIL, List.of("alice@example.com"),
                AliasKind.API_KEY_ID, List.of("k1", "k2"))));
    }

    @Test
    void refuses_unknown_fields_and_alias_kinds_and_wrong_types_naming_each() {
        assertThatThrownBy(() -> adapter.single(parse("""
                {"person": "a", "team": 5, "valid_from": "x", "aliases": {"mail": "a", "githubLogin": [1]}}""")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("valid_from", "team", "aliases.mail",
                                "aliases.githubLogin[0]"));
    }

    @Test
    void names_the_element_of_a_batch_and_bounds_its_size() {
        assertThatThrownBy(() -> adapter.batch(parse("""
                {"people": [{"person": "a", "team": "t"}, {"person": "b", "team": "t", "cost": 1}]}""")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldError::field).containsExactly("people[1].cost"));
        assertThatThrownBy(() -> adapter.batch(parse("""
                {"people": [{}, {}, {}]}""")))
                .hasMessageContaining("carries 3 entries; at most 2");
    }

    private static JsonNode parse(String json) {
        return JsonBodies.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    }
}
