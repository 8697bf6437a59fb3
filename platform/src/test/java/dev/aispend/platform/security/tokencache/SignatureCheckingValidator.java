package dev.aispend.platform.security.tokencache;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stands for micronaut-security-jwt's validator in the unit tests: verifies the ES256 signature with the tests'
 * issuer key and the expiry and not-before times by the test's clock, and counts how often it was asked.
 */
final class SignatureCheckingValidator implements ReactiveJsonWebTokenValidator<JWT, Object> {
    /** Roles a test token holds. */
    static final List<String> ROLES = List.of("ingest-client");

    private final Clock clock;
    private int calls;

    SignatureCheckingValidator(Clock clock) {
        this.clock = clock;
    }

    int calls() {
        return calls;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, Object request) {
        return Mono.from(validate(token, request)).map(jwt -> {
            try {
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                return Authentication.build(claims.getSubject(), claims.getStringListClaim("roles"));
            } catch (ParseException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    @Override
    public Publisher<JWT> validate(String token, Object request) {
        calls++;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            Instant now = clock.instant();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = jwt.verify(new ECDSAVerifier(TestIssuer.key().toECPublicKey()))
                    && !claims.getExpirationTime().toInstant().isBefore(now)
                    && !now.isBefore(claims.getNotBeforeTime().toInstant());
            return valid ? Mono.just(jwt) : Mono.empty();
        } catch (ParseException | JOSEException refused) {
            return Mono.empty();
        }
    }
}
