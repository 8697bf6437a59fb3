package dev.aispend.platform.security.tokencache;

import dev.aispend.devstack.TokenIssuer;
import dev.aispend.testsupport.security.TestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache in the services' own security: an ES256 token from a JWKS file, the services' claims validators, and
 * the fetcher the security filter asks for every request's authentication (all TokenValidator beans in turn).
 */
class TokenCacheInContextTest {
    @TempDir
    Path directory;

    @Test
    void a_real_es256_token_through_the_security_fetcher_is_accepted_twice_and_verified_once() {
        try (ApplicationContext context = servicesSecurity(Map.of())) {
            TokenAuthenticationFetcher fetcher = context.getBean(TokenAuthenticationFetcher.class);
            String token = TestIssuer.token("dana", "policy-owner");

            Authentication first = authenticate(fetcher, token);
            Authentication second = authenticate(fetcher, token);

            assertThat(first.getName()).isEqualTo("dana");
            assertThat(second.getName()).isEqualTo("dana");
            assertThat(second.getRoles()).containsExactly("policy-owner");
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.counter(VerifiedTokens.METRIC, "result", "miss").count())
                    .as("verified by micronaut-security once").isEqualTo(1);
            assertThat(meters.counter(VerifiedTokens.METRIC, "result", "hit").count()).isEqualTo(1);
        }
    }

    @Test
    void a_token_signed_by_another_key_is_still_refused() {
        try (ApplicationContext context = servicesSecurity(Map.of())) {
            TokenAuthenticationFetcher fetcher = context.getBean(TokenAuthenticationFetcher.class);
            String good = TestIssuer.token("dana", "policy-owner");
            authenticate(fetcher, good);
            String forged = new TokenIssuer(TokenIssuer.newKey("forger"), TestIssuer.ISSUER)
                    .token("dana", List.of("admin"), List.of(), null, Duration.ofMinutes(5));

            assertThat(authenticate(fetcher, forged)).isNull();
        }
    }

    @Test
    void the_validator_the_services_use_is_the_cached_one_unless_turned_off() {
        try (ApplicationContext context = servicesSecurity(Map.of())) {
            assertThat(context.getBean(ReactiveJsonWebTokenValidator.class)).isInstanceOf(CachingTokenValidator.class);
        }
        try (ApplicationContext context = servicesSecurity(Map.of("auth.token-cache.ttl", "0s"))) {
            assertThat(context.getBean(ReactiveJsonWebTokenValidator.class))
                    .isNotInstanceOf(CachingTokenValidator.class);
        }
        try (ApplicationContext context = servicesSecurity(Map.of("auth.token-cache.enabled", "false"))) {
            assertThat(context.getBean(ReactiveJsonWebTokenValidator.class))
                    .isNotInstanceOf(CachingTokenValidator.class);
        }
    }

    @Test
    void leaves_the_validator_uncached_when_a_claims_validator_might_answer_otherwise_next_time() {
        try (ApplicationContext context = servicesSecurity(Map.of(), new RequestReadingValidator())) {
            assertThat(context.getBean(ReactiveJsonWebTokenValidator.class))
                    .isNotInstanceOf(CachingTokenValidator.class);
        }
    }

    private ApplicationContext servicesSecurity(Map<String, Object> extra) {
        return servicesSecurity(extra, new SimpleMeterRegistry());
    }

    /** The services' security settings (application.yml), not the test environment's key bean. */
    private ApplicationContext servicesSecurity(Map<String, Object> extra, Object... beans) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("auth.jwks-file", TestIssuer.writePublicKeys(directory.resolve("jwks.json")).toString());
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestIssuer.ISSUER);
        properties.put("micronaut.security.token.jwt.claims-validators.audience", "aispend");
        properties.put("micronaut.security.token.jwt.claims-validators.not-before", true);
        properties.put("micronaut.security.token.roles-name", "roles");
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties)
                .singletons(beans).start();
    }

    /** A claims validator of a kind the cache knows nothing about: it could read the request. */
    private static final class RequestReadingValidator implements GenericJwtClaimsValidator<Object> {
        @Override
        public boolean validate(Claims claims, @Nullable Object request) {
            return request != null;
        }
    }

    private static Authentication authenticate(TokenAuthenticationFetcher fetcher, String token) {
        return Mono.from(fetcher.fetchAuthentication(HttpRequest.GET("/v1/usage").bearerAuth(token))).block();
    }
}
