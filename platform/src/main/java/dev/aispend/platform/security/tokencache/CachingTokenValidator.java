package dev.aispend.platform.security.tokencache;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.reactivestreams.Publisher;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * micronaut-security-jwt's token validator with the tokens it verified lately remembered (VerifiedTokens): a token
 * seen within the TTL, still before its expiry and after its not-before time, is answered with the authentication
 * its verification gave, without the signature check (an ES256 verification, a third of ingest's CPU at one record
 * per request). Anything else goes to the validator as before; only what it accepted is remembered, so a refused
 * token is checked again every time it comes.
 *
 * <p>{@link #validate} (a token to its JWT) is not cached: nothing in the services calls it, and whoever does gets
 * the full check.
 */
final class CachingTokenValidator<T, R> implements ReactiveJsonWebTokenValidator<T, R> {
    private final ReactiveJsonWebTokenValidator<T, R> delegate;
    private final VerifiedTokens verified;

    CachingTokenValidator(ReactiveJsonWebTokenValidator<T, R> delegate, VerifiedTokens verified) {
        this.delegate = delegate;
        this.verified = verified;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable R request) {
        Optional<Authentication> cached = verified.find(token);
        if (cached.isPresent()) {
            return Publishers.just(cached.get());
        }
        return Publishers.then(delegate.validateToken(token, request),
                authentication -> remember(token, authentication));
    }

    @Override
    @NonNull
    public Publisher<T> validate(@NonNull String token, @Nullable R request) {
        return delegate.validate(token, request);
    }

    @Override
    public int getOrder() {
        return delegate.getOrder();
    }

    /**
     * Reads the times from the token the delegate has just accepted (so its signature is good and its claims are
     * the issuer's); a token whose claims cannot be read here (an encrypted one) is simply not remembered.
     */
    private void remember(String token, Authentication authentication) {
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(token).getJWTClaimsSet();
        } catch (ParseException unreadable) {
            return;
        }
        if (claims != null) {
            verified.remember(token, authentication, instant(claims.getExpirationTime()),
                    instant(claims.getNotBeforeTime()));
        }
    }

    @Nullable
    private static Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
