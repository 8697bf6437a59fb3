package dev.aispend.ledger.replay;

import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplayRequestValidatorTest {
    private static final long HEAD = 5000;
    private final ReplayRequestValidator validator = new ReplayRequestValidator(1000, "p.ledger-replay.v1",
            Set.of("p.ledger.v1", "p.usage.v1"));

    @Test
    void defaults_the_end_to_the_head_with_its_own_record_and_the_topic_to_the_replay_topic() {
        ReplayPlan plan = validator.validate(new ReplayRequest(4002L, null, null), HEAD);

        // HEAD + 1: the ReplayRequested entry the accepting transaction appends is the replay's last entry.
        assertThat(plan).isEqualTo(new ReplayPlan(4002, HEAD + 1, "p.ledger-replay.v1"));
        assertThat(plan.total()).isEqualTo(1000);
    }

    @Test
    void counts_its_own_record_against_the_range_limit() {
        assertThat(errorsOf(new ReplayRequest(4001L, null, null))).containsExactly(
                new FieldError("toPosition", "the range covers 1001 entries; a replay covers at most 1000"));
    }

    @Test
    void keeps_the_reason_and_refuses_a_blank_an_overlong_or_a_control_character_one() {
        assertThat(validator.validate(new ReplayRequest(1L, 10L, null, "audit 2026-Q4\nticket 17", null), HEAD)
                .reason()).isEqualTo("audit 2026-Q4\nticket 17");
        for (String reason : List.of(" ", "x".repeat(ReplayRequestValidator.MAX_REASON_LENGTH + 1), "a\u0000b")) {
            assertThat(fieldsOf(new ReplayRequest(1L, 10L, null, reason, null))).containsExactly("reason");
        }
    }

    @Test
    void takes_an_explicit_range_and_topic() {
        assertThat(validator.validate(new ReplayRequest(1L, 1L, "audit-2026_q4.replay"), HEAD))
                .isEqualTo(new ReplayPlan(1, 1, "audit-2026_q4.replay"));
    }

    @Test
    void names_a_missing_or_non_positive_start() {
        assertThat(fieldsOf(new ReplayRequest(null, 10L, null))).containsExactly("fromPosition");
        assertThat(errorsOf(new ReplayRequest(0L, 10L, null)))
                .containsExactly(new FieldError("fromPosition", "must be at least 1, was 0"));
    }

    @Test
    void names_an_end_before_the_start_or_beyond_the_head() {
        assertThat(errorsOf(new ReplayRequest(10L, 9L, null)))
                .containsExactly(new FieldError("toPosition", "must not be before fromPosition (10), was 9"));
        assertThat(errorsOf(new ReplayRequest(HEAD - 10, HEAD + 1, null)))
                .containsExactly(new FieldError("toPosition", "must not be beyond the ledger head (5000), was 5001"));
    }

    @Test
    void names_the_start_when_it_is_beyond_the_head_and_the_end_defaults_to_it() {
        assertThat(fieldsOf(new ReplayRequest(HEAD + 1, null, null))).containsExactly("fromPosition");
        assertThat(catchThrowableOfType(InvalidReplayException.class,
                () -> validator.validate(new ReplayRequest(1L, null, null), 0)).errors())
                .extracting(FieldError::field).containsExactly("fromPosition");
    }

    @Test
    void refuses_a_range_above_the_limit_and_accepts_one_at_it() {
        assertThat(errorsOf(new ReplayRequest(1L, 1001L, null))).containsExactly(
                new FieldError("toPosition", "the range covers 1001 entries; a replay covers at most 1000"));
        assertThat(validator.validate(new ReplayRequest(1L, 1000L, null), HEAD).total()).isEqualTo(1000);
    }

    @Test
    void refuses_topic_names_kafka_would_refuse_and_the_ledgers_own_topics() {
        for (String topic : new String[] {"", ".", "..", "has space", "slash/topic", "x".repeat(250), "__internal",
                "p.ledger.v1", "p.usage.v1"}) {
            assertThat(fieldsOf(new ReplayRequest(1L, 10L, topic))).as(topic).containsExactly("topic");
        }
        assertThat(validator.validate(new ReplayRequest(1L, 10L, "x".repeat(249)), HEAD).topic()).hasSize(249);
    }

    @Test
    void names_every_problem_at_once() {
        assertThat(fieldsOf(new ReplayRequest(0L, HEAD + 1, "bad topic")))
                .containsExactly("fromPosition", "toPosition", "topic");
    }

    private List<String> fieldsOf(ReplayRequest request) {
        return errorsOf(request).stream().map(FieldError::field).toList();
    }

    private List<FieldError> errorsOf(ReplayRequest request) {
        InvalidReplayException invalid = catchThrowableOfType(InvalidReplayException.class,
                () -> validator.validate(request, HEAD));
        assertThat(invalid).as("refused").isNotNull();
        return invalid.errors();
    }
}
