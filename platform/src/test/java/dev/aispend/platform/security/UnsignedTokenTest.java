package dev.aispend.platform.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service configured with an issuer but no key (AUTH_ISSUER set, neither AUTH_JWKS_FILE nor AUTH_JWKS_URL) must
 * accept no JWT. micronaut-security accepts an unsigned one ({@code alg: none}) when no signature configuration
 * exists; the context here is the services' security without the test environment, whose issuer key would hide it.
 * (Tokens refused by a running service, the tests' issuer trusted: report-service's HostileTokenIT.)
 */
class UnsignedTokenTest {
    private static final String ISSUER = "https://issuer.example";

    @Test
    @SuppressWarnings("unchecked")
    void an_unsigned_token_with_valid_claims_authenticates_nobody_when_no_key_is_configured() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("aispend").subject("intruder")
                .notBeforeTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of(Roles.ADMIN, Roles.POLICY_OWNER)).build();
        String unsigned = new PlainJWT(claims).serialize();

        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.security.token.jwt.claims-validators.issuer", ISSUER,
                        "micronaut.security.token.jwt.claims-validators.audience", "aispend",
                        "micronaut.security.token.roles-name", "roles"))
                .start()) {
            ReactiveJsonWebTokenValidator<Object, Object> validator =
                    context.getBean(ReactiveJsonWebTokenValidator.class);

            Authentication authenticated = Mono.from(validator.validateToken(unsigned, null)).block();

            assertThat(authenticated).isNull();
        }
    }
}
