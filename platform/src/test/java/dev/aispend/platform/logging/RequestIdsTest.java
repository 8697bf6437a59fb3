package dev.aispend.platform.logging;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final RequestIds ids = new RequestIds(new SecureRandom());

    @Test
    void takes_the_callers_request_id_when_it_is_a_plain_token() {
        RequestIds.Ids taken = ids.of("gateway-7f3a:42.1_b", null);

        assertThat(taken.requestId()).isEqualTo("gateway-7f3a:42.1_b");
        assertThat(taken.traceId()).isNull();
    }

    @Test
    void takes_the_trace_id_of_a_valid_traceparent_when_no_request_id_came() {
        RequestIds.Ids taken = ids.of(null, TRACEPARENT);

        assertThat(taken.requestId()).isEqualTo(TRACE_ID);
        assertThat(taken.traceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void prefers_the_callers_request_id_and_keeps_the_trace_id_beside_it() {
        RequestIds.Ids taken = ids.of("client-1", TRACEPARENT);

        assertThat(taken.requestId()).isEqualTo("client-1");
        assertThat(taken.traceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void refuses_a_request_id_that_could_forge_a_line_or_carry_an_address() {
        for (String refused : new String[] {"", "a b", "alice@example.com", "x\ny", "quote\"d", "x".repeat(65),
                "{\"requestId\":1}"}) {
            assertThat(RequestIds.callerId(refused)).as(refused).isEmpty();
        }
        assertThat(RequestIds.callerId("x".repeat(64))).isPresent();
    }

    @Test
    void refuses_a_traceparent_that_is_malformed_all_zero_or_of_the_invalid_version() {
        for (String refused : new String[] {"00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
                "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01", "00-" + TRACE_ID + "-01", "garbage"}) {
            assertThat(RequestIds.traceIdOf(refused)).as(refused).isEmpty();
        }
    }

    @Test
    void makes_a_fresh_random_id_of_128_bits_when_the_caller_gave_none_it_can_take() {
        RequestIds.Ids first = ids.of("alice@example.com", "garbage");
        RequestIds.Ids second = ids.of(null, null);

        assertThat(first.requestId()).matches("[0-9a-f]{32}");
        assertThat(second.requestId()).matches("[0-9a-f]{32}").isNotEqualTo(first.requestId());
        assertThat(first.traceId()).isNull();
    }
}
