package dev.aispend.ingest.apikeys;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyRequestReaderTest {
    private static final JsonMapper MAPPER = JsonMapper.createDefault();
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ApiKeyRequestReader reader = new ApiKeyRequestReader(
            new ApiKeysConfiguration(10, 20, 2, Duration.ofDays(30)));

    @Test
    void reads_a_request_for_an_organisation_wide_role() {
        ApiKeyRequest request = reader.read(parse("""
                {"name": "ci-importer", "roles": ["ingest-client"], "expiresAt": "2026-12-01T00:00:00+01:00"}"""),
                NOW);

        assertThat(request).isEqualTo(new ApiKeyRequest("ci-importer", List.of("ingest-client"), List.of(),
                Instant.parse("2026-11-30T23:00:00Z")));
    }

    @Test
    void reads_a_team_scoped_role_with_its_teams() {
        ApiKeyRequest request = reader.read(parse("""
                {"name": "dashboard", "roles": ["team-lead"], "teams": ["platform", "web"],
                 "expiresAt": "2026-12-01T00:00:00Z"}"""), NOW);

        assertThat(request.teams()).containsExactly("platform", "web");
    }

    @Test
    void refuses_a_team_scoped_role_without_teams() {
        assertThat(fieldsRefused("""
                {"name": "dashboard", "roles": ["team-member"], "expiresAt": "2026-12-01T00:00:00Z"}"""))
                .containsExactly("teams");
    }

    @Test
    void refuses_teams_for_roles_that_teams_do_not_limit() {
        assertThat(fieldsRefused("""
                {"name": "gw", "roles": ["gateway"], "teams": ["platform"], "expiresAt": "2026-12-01T00:00:00Z"}"""))
                .containsExactly("teams");
    }

    @Test
    void refuses_unknown_and_repeated_roles_naming_each_element() {
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["ingest-client", "root", "ingest-client"],
                 "expiresAt": "2026-12-01T00:00:00Z"}""")).containsExactly("roles[1]", "roles[2]");
    }

    @Test
    void refuses_a_request_without_roles_or_with_none() {
        assertThat(fieldsRefused("""
                {"name": "x", "expiresAt": "2026-12-01T00:00:00Z"}""")).containsExactly("roles");
        assertThat(fieldsRefused("""
                {"name": "x", "roles": [], "expiresAt": "2026-12-01T00:00:00Z"}""")).containsExactly("roles");
    }

    @Test
    void refuses_an_expiry_in_the_past_or_beyond_the_longest_lifetime_or_missing() {
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["gateway"], "expiresAt": "2026-11-24T12:00:00Z"}"""))
                .containsExactly("expiresAt");
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["gateway"], "expiresAt": "2026-12-24T12:00:01Z"}"""))
                .containsExactly("expiresAt");
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["gateway"]}""")).containsExactly("expiresAt");
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["gateway"], "expiresAt": "next year"}""")).containsExactly("expiresAt");
    }

    @Test
    void refuses_a_missing_long_or_unprintable_name() {
        assertThat(fieldsRefused("""
                {"roles": ["gateway"], "expiresAt": "2026-12-01T00:00:00Z"}""")).containsExactly("name");
        assertThat(fieldsRefused("""
                {"name": "%s", "roles": ["gateway"], "expiresAt": "2026-12-01T00:00:00Z"}"""
                .formatted("n".repeat(21)))).containsExactly("name");
        assertThat(fieldsRefused("""
                {"name": "a\\u0007b", "roles": ["gateway"], "expiresAt": "2026-12-01T00:00:00Z"}"""))
                .containsExactly("name");
    }

    @Test
    void refuses_too_many_bad_or_repeated_teams_and_unknown_fields() {
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["team-lead"], "teams": ["a", "b", "c"],
                 "expiresAt": "2026-12-01T00:00:00Z"}"""))
                .contains("teams");
        assertThat(fieldsRefused("""
                {"name": "x", "roles": ["team-lead"], "teams": ["plat form", "plat form"],
                 "expiresAt": "2026-12-01T00:00:00Z", "owner": "me"}"""))
                .containsExactlyInAnyOrder("owner", "teams[0]", "teams[1]");
    }

    @Test
    void names_every_bad_field_in_one_refusal() {
        assertThat(fieldsRefused("""
                {"name": "", "roles": ["nobody"], "teams": ["x"], "expiresAt": "2020-01-01T00:00:00Z"}"""))
                .containsExactlyInAnyOrder("name", "roles[0]", "teams", "expiresAt");
    }

    @Test
    void keeps_the_expiry_to_the_microsecond_as_the_database_does() {
        ApiKeyRequest request = reader.read(parse("""
                {"name": "x", "roles": ["gateway"], "expiresAt": "2026-12-01T00:00:00.123456789Z"}"""), NOW);

        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00.123456Z"));
    }

    private List<String> fieldsRefused(String json) {
        List<String> fields = new java.util.ArrayList<>();
        assertThatThrownBy(() -> reader.read(parse(json), NOW)).isInstanceOfSatisfying(
                InvalidSubmissionException.class,
                refused -> refused.violations().stream().map(FieldError::field).forEach(fields::add));
        return fields;
    }

    private static JsonNode parse(String json) {
        return JsonBodies.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    }
}
