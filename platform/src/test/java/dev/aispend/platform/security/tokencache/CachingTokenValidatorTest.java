package dev.aispend.platform.security.tokencache;

import dev.aispend.devstack.TokenIssuer;
import dev.aispend.testsupport.MovableClock;
import dev.aispend.testsupport.security.TestIssuer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachingTokenValidatorTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final TokenCacheSettings ONE_MINUTE = new TokenCacheSettings(true, Duration.ofSeconds(60), 100);

    private final MovableClock clock = new MovableClock(START);
    private final SignatureCheckingValidator delegate = new SignatureCheckingValidator(clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void verifies_a_token_once_within_the_ttl() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(ONE_MINUTE);
        String token = token("alice", Duration.ofHours(1));

        assertThat(subject(validator, token)).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(59));
        assertThat(subject(validator, token)).isEqualTo("alice");
        assertThat(subject(validator, token)).isEqualTo("alice");

        assertThat(delegate.calls()).isEqualTo(1);
        assertThat(count("hit")).isEqualTo(2);
        assertThat(count("miss")).isEqualTo(1);
    }

    @Test
    void verifies_a_token_again_once_the_ttl_has_passed() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(ONE_MINUTE);
        String token = token("alice", Duration.ofHours(1));

        subject(validator, token);
        clock.advance(Duration.ofSeconds(60));
        subject(validator, token);

        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void does_not_serve_a_token_past_its_exp_from_the_cache() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(ONE_MINUTE);
        String token = token("alice", Duration.ofSeconds(30));

        assertThat(subject(validator, token)).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(31));

        assertThat(subject(validator, token)).as("expired, though verified 31 s ago with a 60 s TTL").isNull();
        assertThat(delegate.calls()).as("the delegate refused it, the cache did not answer").isEqualTo(2);
    }

    @Test
    void does_not_cache_a_refused_token() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(ONE_MINUTE);
        String stranger = TokenIssuer.sign(TestIssuer.issuer().claims("mallory", SignatureCheckingValidator.ROLES,
                List.of(), null, START.minusSeconds(60), START.plusSeconds(3600)).build(),
                TokenIssuer.newKey("stranger"));

        assertThat(subject(validator, stranger)).isNull();
        assertThat(subject(validator, stranger)).isNull();

        assertThat(delegate.calls()).isEqualTo(2);
        assertThat(count("hit")).isZero();
    }

    @Test
    void a_token_whose_signature_was_altered_is_refused_even_when_the_original_is_cached() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(ONE_MINUTE);
        String token = token("alice", Duration.ofHours(1));
        assertThat(subject(validator, token)).isEqualTo("alice");

        String altered = withSignatureCharacterChanged(token);

        assertThat(altered).isNotEqualTo(token);
        assertThat(subject(validator, altered)).isNull();
        assertThat(delegate.calls()).as("the altered token went to the delegate").isEqualTo(2);
        assertThat(subject(validator, token)).as("the original is still served").isEqualTo("alice");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void evicts_past_max_entries() {
        TokenCacheSettings threeEntries = new TokenCacheSettings(true, Duration.ofSeconds(60), 3);
        VerifiedTokens verified = new VerifiedTokens(threeEntries, clock, clock::epochNanos, null);
        ReactiveJsonWebTokenValidator<?, Object> validator = new CachingTokenValidator<>(delegate, verified);
        List<String> tokens = List.of(token("a", Duration.ofHours(1)), token("b", Duration.ofHours(1)),
                token("c", Duration.ofHours(1)), token("d", Duration.ofHours(1)), token("e", Duration.ofHours(1)));

        tokens.forEach(token -> subject(validator, token));
        assertThat(verified.size()).isEqualTo(3);
        tokens.forEach(token -> subject(validator, token));

        assertThat(delegate.calls()).as("five tokens verified, then at least the two evicted again")
                .isGreaterThanOrEqualTo(tokens.size() + 2);
        assertThat(verified.size()).isEqualTo(3);
    }

    @Test
    void ttl_zero_disables_the_cache() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(new TokenCacheSettings(true, Duration.ZERO, 100));
        String token = token("alice", Duration.ofHours(1));

        subject(validator, token);
        subject(validator, token);

        assertThat(validator).isSameAs(delegate);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void enabled_false_disables_the_cache() {
        ReactiveJsonWebTokenValidator<?, Object> validator = cached(new TokenCacheSettings(false,
                Duration.ofSeconds(60), 100));

        assertThat(validator).isSameAs(delegate);
    }

    @Test
    void passes_the_order_of_the_validator_it_wraps_through() {
        assertThat(cached(ONE_MINUTE).getOrder()).isEqualTo(delegate.getOrder());
    }

    private ReactiveJsonWebTokenValidator<?, Object> cached(TokenCacheSettings settings) {
        return TokenCacheInstaller.decorate(delegate, settings, clock, clock::epochNanos, meters);
    }

    /** A token valid from a minute before the test's start until {@code validity} after it. */
    private static String token(String subject, Duration validity) {
        return TestIssuer.issuer().sign(TestIssuer.issuer().claims(subject, SignatureCheckingValidator.ROLES,
                List.of(), null, START.minusSeconds(60), START.plus(validity)).build());
    }

    private static String subject(ReactiveJsonWebTokenValidator<?, Object> validator, String token) {
        Authentication authentication = Mono.from(validator.validateToken(token, null)).block();
        return authentication == null ? null : authentication.getName();
    }

    /** One character in the middle of the signature changed: still base64url, another signature. */
    private static String withSignatureCharacterChanged(String token) {
        int position = token.lastIndexOf('.') + 20;
        char replacement = token.charAt(position) == 'A' ? 'B' : 'A';
        return token.substring(0, position) + replacement + token.substring(position + 1);
    }

    private double count(String result) {
        return meters.counter(VerifiedTokens.METRIC, "result", result).count();
    }
}
