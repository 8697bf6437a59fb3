package dev.aispend.policy.check;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refusal names its field; every limit is explicit. */
class CheckRequestParserTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final CheckRequestParser parser = new CheckRequestParser(CheckConfiguration.defaults());

    @Test
    void reads_a_cost_check() {
        CheckRequest request = parse("""
                {"checkId": "c-1", "team": "platform", "purpose": "coding", "estimatedCostUsdMicros": 2500}""");

        assertThat(request).isEqualTo(new CheckRequest("c-1", "platform", null, null, "coding", null, null, 2500L,
                null, null));
    }

    @Test
    void reads_a_token_check_with_missing_types_as_zero_and_a_whole_double() {
        CheckRequest request = parse("""
                {"personRef": "prs_1", "model": "claude-sonnet-4-5", "reservationTtlSeconds": 60,
                 "estimatedTokens": {"inputTokens": 1000, "outputTokens": 2.0e2}}""");

        assertThat(request.estimatedTokens()).isEqualTo(TokenCounts.of(1000, 200));
        assertThat(request.reservationTtlSeconds()).isEqualTo(60);
    }

    @Test
    void requires_a_team_or_person_and_exactly_one_estimate() {
        assertThat(errorsOf("{\"purpose\": \"coding\"}")).containsExactlyInAnyOrder(
                new FieldError("team", "team or personRef is required"),
                new FieldError("estimatedCostUsdMicros", "estimatedCostUsdMicros or estimatedTokens is required"));
        assertThat(errorsOf("""
                {"team": "t", "model": "m", "estimatedCostUsdMicros": 1, "estimatedTokens": {"inputTokens": 1}}"""))
                .containsExactly(new FieldError("estimatedTokens",
                        "give estimatedCostUsdMicros or estimatedTokens, not both"));
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedTokens\": {\"inputTokens\": 1}}"))
                .containsExactly(new FieldError("model",
                        "is required with estimatedTokens: the rate card prices a model"));
    }

    @Test
    void refuses_unknown_fields_at_every_level() {
        assertThat(errorsOf("""
                {"team": "t", "estimatedCostUsdMicro": 1, "model": "m",
                 "estimatedTokens": {"inputTokens": 1, "imageTokens": 5}}""")).containsExactlyInAnyOrder(
                new FieldError("estimatedCostUsdMicro", "is not a field of a check"),
                new FieldError("estimatedTokens.imageTokens", "is not a field of estimatedTokens"));
    }

    @Test
    void refuses_negative_fractional_oversized_and_non_numeric_amounts() {
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": -1}"))
                .containsExactly(new FieldError("estimatedCostUsdMicros", "must not be negative"));
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1.5}")).extracting(FieldError::field)
                .containsExactly("estimatedCostUsdMicros");
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": \"10\"}")).extracting(FieldError::field)
                .containsExactly("estimatedCostUsdMicros");
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1000000000001}"))
                .containsExactly(new FieldError("estimatedCostUsdMicros", "exceeds the limit of 1000000000000"));
        // Read as an infinite double: no whole number.
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1e2000000000}"))
                .extracting(FieldError::field).containsExactly("estimatedCostUsdMicros");
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1e-5}"))
                .extracting(FieldError::field).containsExactly("estimatedCostUsdMicros");
        assertThat(errorsOf("""
                {"team": "t", "model": "m", "estimatedTokens": {"outputTokens": 50000001}}"""))
                .containsExactly(new FieldError("estimatedTokens.outputTokens", "exceeds the limit of 50000000"));
    }

    @Test
    void bounds_the_reservation_ttl_a_check_may_ask_for() {
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1, \"reservationTtlSeconds\": 3601}"))
                .containsExactly(new FieldError("reservationTtlSeconds", "exceeds the limit of 3600"));
        assertThat(errorsOf("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1, \"reservationTtlSeconds\": 0}"))
                .containsExactly(new FieldError("reservationTtlSeconds", "must be at least 1"));
    }

    @Test
    void refuses_names_outside_the_alphabet_ingest_accepts() {
        assertThat(errorsOf("""
                {"team": " platform", "personRef": "a b", "checkId": "", "estimatedCostUsdMicros": 1}"""))
                .extracting(FieldError::field).containsExactlyInAnyOrder("team", "personRef", "checkId");
        assertThat(errorsOf("{\"team\": \"" + "t".repeat(65) + "\", \"estimatedCostUsdMicros\": 1}"))
                .extracting(FieldError::field).containsExactly("team");
    }

    @Test
    void refuses_a_body_that_is_not_an_object() {
        assertThat(errorsOf("[1]")).containsExactly(new FieldError("$", "must be a JSON object"));
    }

    @Test
    void tells_a_retry_from_another_check_by_content() {
        CheckRequest first = parse("{\"checkId\": \"c\", \"team\": \"t\", \"estimatedCostUsdMicros\": 1}");
        CheckRequest again = parse("{\"estimatedCostUsdMicros\": 1, \"team\": \"t\", \"checkId\": \"c\"}");
        CheckRequest other = parse("{\"checkId\": \"c\", \"team\": \"t\", \"estimatedCostUsdMicros\": 2}");

        assertThat(again.contentSha256()).isEqualTo(first.contentSha256());
        assertThat(other.contentSha256()).isNotEqualTo(first.contentSha256()).hasSize(64);
    }

    private CheckRequest parse(String body) {
        return parser.parse(tree(body));
    }

    private java.util.List<FieldError> errorsOf(String body) {
        CheckRefusedException[] refused = new CheckRefusedException[1];
        assertThatThrownBy(() -> parser.parse(tree(body))).isInstanceOfSatisfying(CheckRefusedException.class,
                exception -> refused[0] = exception);
        assertThat(refused[0].status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return refused[0].errors();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }
}
