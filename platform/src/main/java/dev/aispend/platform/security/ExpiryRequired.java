package dev.aispend.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses a token that names no expiry ({@code exp}). micronaut-security checks an expiry only when there is one,
 * so a token issued without it would be valid for ever, a leaked one included; every issuer the services trust
 * (an OIDC provider, ./run-local token, the tests' issuer) sets one.
 */
@Singleton
final class ExpiryRequired<T> implements GenericJwtClaimsValidator<T> {
    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
