package dev.aispend.platform.security.apikey;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Accepts an API key ({@code Authorization: Bearer ask_...}) wherever a JWT is accepted, on every service: the
 * key must be known, its secret must hash to the recorded one, and it must be neither revoked nor expired. Tried
 * before the JWT validator; any other token is left to that one. Expiry is judged by the wall clock: whether a
 * request was authenticated is not something the ledger's history is re-derived from.
 */
@Singleton
@Requires(property = "auth.api-keys.enabled", notEquals = "false")
final class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyTokenValidator.class);
    /** Before micronaut-security-jwt's validator (order 0), so a key is never parsed as a JWT first. */
    static final int ORDER = -100;

    private final ApiKeyDirectory directory;
    private final Clock clock = Clock.systemUTC();

    ApiKeyTokenValidator(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!ApiKeyFormat.looksLikeApiKey(token)) {
            return Publishers.empty();
        }
        Optional<Authentication> authentication = directory.authenticate(token, clock.instant());
        if (authentication.isEmpty()) {
            // The id only (public); never the token, whose secret part may be a real key mistyped.
            LOG.debug("API key refused: {}", ApiKeyFormat.parse(token).map(ApiKeyFormat.Presented::keyId)
                    .orElse("(malformed)"));
            return Publishers.empty();
        }
        return Publishers.just(authentication.get());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
