package dev.aispend.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Keeps unsigned tokens ({@code alg: none}) out whatever keys are configured. micronaut-security accepts an
 * unsigned JWT exactly when no signature configuration exists, which is the case when neither AUTH_JWKS_FILE nor
 * AUTH_JWKS_URL gives a key (TokenKeys): anyone could then name themselves and any role. This configuration
 * verifies no signature, so there is always one, and a signed token still needs a configured key.
 */
@Singleton
@Named("no-unsigned-tokens")
final class UnsignedTokenRefusal implements SignatureConfiguration {

    @Override
    public String supportedAlgorithmsMessage() {
        return "none: verifies no token, so that an unsigned one is never accepted";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return false;
    }

    @Override
    public boolean verify(SignedJWT token) {
        return false;
    }
}
