package dev.aispend.ledger.repricing;

import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepricingRequestValidatorTest {

    @Test
    void reads_a_complete_request() {
        Repricing repricing = RepricingRequestValidator.validate(request("rp-2026-11", "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z", 2L));

        assertThat(repricing).isEqualTo(new Repricing("rp-2026-11", "claude-sonnet-4-5",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), "ratecard-anthropic",
                2, "alice", "list price corrected"));
    }

    @Test
    void gives_a_request_without_an_id_a_fresh_one() {
        Repricing first = RepricingRequestValidator.validate(request(null, "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z", 1L));
        Repricing second = RepricingRequestValidator.validate(request(null, "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z", 1L));

        assertThat(first.repricingId()).hasSize(36).isNotEqualTo(second.repricingId());
    }

    @Test
    void names_every_missing_field() {
        RepricingRefusedException refused = refusedFor(new RepricingRequest(null, null, null, null, null, null,
                " ", null));

        assertThat(refused.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("model", "occurredFrom",
                "occurredTo", "rateCardId", "rateCardVersion", "actor", "reason");
    }

    @Test
    void names_a_malformed_instant_an_empty_window_and_a_non_positive_version() {
        assertThat(fieldsOf(request("rp", "yesterday", "2026-12-01T00:00:00Z", 1L))).containsExactly("occurredFrom");
        assertThat(fieldsOf(request("rp", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", 1L)))
                .containsExactly("occurredTo");
        assertThat(fieldsOf(request("rp", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 0L)))
                .containsExactly("rateCardVersion");
    }

    @Test
    void refuses_an_id_that_could_not_be_a_key_prefix() {
        assertThat(fieldsOf(request("a/b", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 1L)))
                .containsExactly("repricingId");
        assertThat(fieldsOf(request("x".repeat(129), "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", 1L)))
                .containsExactly("repricingId");
    }

    @Test
    void refuses_overlong_text() {
        RepricingRequest longReason = new RepricingRequest("rp", "m", "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z", "card", 1L, "alice", "r".repeat(2001));

        assertThat(fieldsOf(longReason)).containsExactly("reason");
    }

    private static RepricingRequest request(String id, String from, String to, Long version) {
        return new RepricingRequest(id, "claude-sonnet-4-5", from, to, "ratecard-anthropic", version, "alice",
                "list price corrected");
    }

    private static List<String> fieldsOf(RepricingRequest request) {
        return refusedFor(request).errors().stream().map(FieldError::field).toList();
    }

    private static RepricingRefusedException refusedFor(RepricingRequest request) {
        RepricingRefusedException refused = catchThrowableOfType(RepricingRefusedException.class,
                () -> RepricingRequestValidator.validate(request));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
