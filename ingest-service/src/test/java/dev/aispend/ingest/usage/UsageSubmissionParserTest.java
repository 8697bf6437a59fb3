package dev.aispend.ingest.usage;

import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageSubmissionParserTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final UsageSubmissionParser parser = new UsageSubmissionParser(1_000_000, Duration.ofMinutes(5),
            Duration.ofDays(400), 3, Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void reads_a_complete_record() {
        UsageSubmission submission = parser.parse(tree(UsageJsonMother.valid()));

        assertThat(submission.id()).isEqualTo("req-1");
        assertThat(submission.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(submission.team()).isEqualTo("platform");
        assertThat(submission.person()).isEqualTo("alice@example.com");
        assertThat(submission.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(submission.tokens().inputTokens()).isEqualTo(1200);
        assertThat(submission.tokens().outputTokens()).isEqualTo(340);
        assertThat(submission.tokens().cacheReadTokens()).isZero();
    }

    @Test
    void reads_optional_token_types_and_offsets_other_than_utc() {
        UsageSubmission submission = parser.parse(tree(UsageJsonMother.valid()
                .replace("\"2026-11-22T10:15:30Z\"", "\"2026-11-22T11:15:30+01:00\"")
                .replace("}", ", \"cacheReadTokens\": 50, \"reasoningTokens\": 7.0}")));

        assertThat(submission.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(submission.tokens().cacheReadTokens()).isEqualTo(50);
        assertThat(submission.tokens().reasoningTokens()).isEqualTo(7);
    }

    @Test
    void names_every_missing_field() {
        assertThatThrownBy(() -> parser.parse(tree("{}")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid ->
                        assertThat(invalid.violations()).extracting(FieldError::field).containsExactlyInAnyOrder(
                                "id", "occurredAt", "team", "person", "model", "inputTokens", "outputTokens"));
    }

    @Test
    void names_a_negative_a_fractional_and_a_textual_count() {
        String body = UsageJsonMother.valid()
                .replace("\"inputTokens\": 1200", "\"inputTokens\": -1")
                .replace("\"outputTokens\": 340", "\"outputTokens\": 2.5")
                .replace("}", ", \"cacheReadTokens\": \"12\"}");

        assertThatThrownBy(() -> parser.parse(tree(body)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid ->
                        assertThat(invalid.violations()).containsExactlyInAnyOrder(
                                new FieldError("inputTokens", "must not be negative"),
                                new FieldError("outputTokens", "must be a whole number"),
                                new FieldError("cacheReadTokens", "must be a whole number")));
    }

    @Test
    void refuses_counts_above_the_configured_limit_alone_and_together() {
        String single = UsageJsonMother.valid().replace("\"inputTokens\": 1200", "\"inputTokens\": 1000001");
        String together = UsageJsonMother.valid()
                .replace("\"inputTokens\": 1200", "\"inputTokens\": 600000")
                .replace("\"outputTokens\": 340", "\"outputTokens\": 600000");

        assertThatThrownBy(() -> parser.parse(tree(single))).hasMessageContaining("inputTokens: exceeds the limit");
        assertThatThrownBy(() -> parser.parse(tree(together))).hasMessageContaining("all token counts together");
    }

    @Test
    void refuses_an_unknown_field_so_a_misspelt_count_is_not_read_as_zero() {
        String body = UsageJsonMother.valid().replace("}", ", \"cacheReadToken\": 99}");

        assertThatThrownBy(() -> parser.parse(tree(body)))
                .hasMessageContaining("cacheReadToken: is not a field of a usage record");
    }

    @Test
    void refuses_a_timestamp_implausibly_far_in_the_past() {
        String ancient = UsageJsonMother.valid().replace("2026-11-22T10:15:30Z", "0001-01-01T00:00:00Z");
        String lastYear = UsageJsonMother.valid().replace("2026-11-22T10:15:30Z", "2025-11-01T00:00:00Z");

        assertThatThrownBy(() -> parser.parse(tree(ancient)))
                .hasMessageContaining("occurredAt: lies more than 400 days in the past");
        assertThat(parser.parse(tree(lastYear)).occurredAt()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
    }

    @Test
    void refuses_a_timestamp_without_offset_or_too_far_in_the_future() {
        String local = UsageJsonMother.valid().replace("2026-11-22T10:15:30Z", "2026-11-22T10:15:30");
        String future = UsageJsonMother.valid().replace("2026-11-22T10:15:30Z", "2026-11-22T12:06:00Z");

        assertThatThrownBy(() -> parser.parse(tree(local))).hasMessageContaining("occurredAt: must be an ISO-8601");
        assertThatThrownBy(() -> parser.parse(tree(future))).hasMessageContaining("occurredAt: lies more than 300 s");
    }

    @Test
    void refuses_ids_and_teams_with_characters_outside_their_alphabet() {
        String body = UsageJsonMother.valid().replace("\"req-1\"", "\"req 1\"").replace("\"platform\"", "\"-x\"");

        assertThatThrownBy(() -> parser.parse(tree(body)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid ->
                        assertThat(invalid.violations()).extracting(FieldError::field)
                                .containsExactlyInAnyOrder("id", "team"));
    }

    @Test
    void reads_a_batch_of_records_in_order() {
        List<UsageSubmission> batch = parser.parseBatch(tree("{\"records\": [" + UsageJsonMother.valid("a", "x")
                + ", " + UsageJsonMother.valid("b", "y") + "]}"));

        assertThat(batch).extracting(UsageSubmission::id).containsExactly("a", "b");
    }

    @Test
    void refuses_a_whole_batch_naming_each_bad_field_by_its_element() {
        String bad = UsageJsonMother.valid("b", "y").replace("\"inputTokens\": 1200", "\"inputTokens\": -1");

        assertThatThrownBy(() -> parser.parseBatch(tree("{\"records\": [" + UsageJsonMother.valid("a", "x") + ", "
                + bad + ", 7]}")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid ->
                        assertThat(invalid.violations()).containsExactly(
                                new FieldError("records[1].inputTokens", "must not be negative"),
                                new FieldError("records[2]", "must be a JSON object")));
    }

    @Test
    void refuses_an_empty_a_missing_and_an_oversized_batch() {
        String four = "{\"records\": [" + String.join(", ", List.of(UsageJsonMother.valid("a", "x"),
                UsageJsonMother.valid("b", "x"), UsageJsonMother.valid("c", "x"), UsageJsonMother.valid("d", "x")))
                + "]}";

        assertThatThrownBy(() -> parser.parseBatch(tree("{\"records\": []}"))).hasMessageContaining("at least one");
        assertThatThrownBy(() -> parser.parseBatch(tree("{\"record\": []}")))
                .hasMessageContaining("record: is not a field of a usage batch")
                .hasMessageContaining("records: is required");
        assertThatThrownBy(() -> parser.parseBatch(tree(four))).hasMessageContaining("at most 3 records per request, had 4");
    }

    @Test
    void reports_at_most_a_bounded_number_of_reasons() {
        UsageSubmissionParser large = new UsageSubmissionParser(1_000, Duration.ZERO, Duration.ofDays(400),
                1_000, Clock.fixed(NOW, ZoneOffset.UTC));
        String body = "{\"records\": [" + String.join(", ", java.util.Collections.nCopies(50, "{}")) + "]}";

        assertThatThrownBy(() -> large.parseBatch(tree(body)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> {
                    assertThat(invalid.violations()).hasSize(UsageSubmissionParser.MAX_REPORTED_VIOLATIONS + 1);
                    assertThat(invalid.violations().get(UsageSubmissionParser.MAX_REPORTED_VIOLATIONS).message())
                            .isEqualTo("250 more reasons not shown");
                });
    }

    @Test
    void refuses_a_body_that_is_not_an_object() {
        assertThatThrownBy(() -> parser.parse(tree("[1,2]"))).hasMessageContaining("$: must be a JSON object");
    }

    private JsonNode tree(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
