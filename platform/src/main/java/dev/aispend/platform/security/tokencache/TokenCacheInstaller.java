package dev.aispend.platform.security.tokencache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.NotBeforeJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.SubjectNotNullJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Puts the verified-token cache in front of micronaut-security-jwt's validator as the context creates it, so
 * every service's security filter (TokenAuthenticationFetcher, which asks each TokenValidator bean in turn) gets the
 * cached one. That validator (NimbusReactiveJsonWebTokenValidator) is package-private and does the whole check:
 * parsing, the signature against the configured keys, every claims validator, the authentication; wrapping the
 * bean keeps all of it, where replacing it would mean building a copy of Micronaut's own.
 *
 * <p>A cached answer is right only if the checks it skips would answer the same later. The signature, issuer,
 * audience and subject checks depend on the token and the configuration alone; expiry and not-before depend on the
 * time and are checked again at every hit. A claims validator of any other kind might read the request or something
 * that changes, so with one present the cache is not installed (and a warning says which).
 */
@Singleton
@SuppressWarnings({"rawtypes", "unchecked"})
final class TokenCacheInstaller implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCacheInstaller.class);
    /** Claims validators whose answer depends on the claims, the configuration and the time only. */
    static final Set<String> CACHEABLE_CLAIMS_VALIDATORS = Set.of(
            IssuerJwtClaimsValidator.class.getName(), AudienceJwtClaimsValidator.class.getName(),
            SubjectNotNullJwtClaimsValidator.class.getName(), ExpirationJwtClaimsValidator.class.getName(),
            NotBeforeJwtClaimsValidator.class.getName(), "dev.aispend.platform.security.ExpiryRequired");

    private final TokenCacheSettings settings;
    private final BeanContext beans;
    private final BeanProvider<MeterRegistry> meters;

    // The registry is looked up when the validator is made, not when this listener is: a listener is created early,
    // and a service without a registry (a unit test's context) still gets the cache, uncounted.
    TokenCacheInstaller(TokenCacheSettings settings, BeanContext beans, BeanProvider<MeterRegistry> meters) {
        this.settings = settings;
        this.beans = beans;
        this.meters = meters;
    }

    @Override
    public ReactiveJsonWebTokenValidator onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator> event) {
        List<String> others = beans.getBeanDefinitions(GenericJwtClaimsValidator.class).stream()
                .map(BeanDefinition::getBeanType).map(Class::getName)
                .filter(name -> !CACHEABLE_CLAIMS_VALIDATORS.contains(name)).sorted().toList();
        if (!others.isEmpty()) {
            LOG.warn("Verified JWTs are not cached: the claims validators {} may answer differently from one request "
                    + "to the next (TokenCacheInstaller lists the ones a cached answer is right for)", others);
            return event.getBean();
        }
        ReactiveJsonWebTokenValidator decorated = decorate(event.getBean(), settings, Clock.systemUTC(),
                Ticker.systemTicker(), meters.orElse(null));
        if (decorated != event.getBean()) {
            LOG.info("Verified JWTs are cached for {} s, at most {} (auth.token-cache)", settings.ttl().toSeconds(),
                    settings.maxEntries());
        }
        return decorated;
    }

    /**
     * {@code validator} behind a cache as {@code settings} say, or itself when they turn the cache off.
     * {@code clock} must be the wall clock micronaut-security reads expiry by; {@code ticker} measures the TTL.
     */
    static <T, R> ReactiveJsonWebTokenValidator<T, R> decorate(ReactiveJsonWebTokenValidator<T, R> validator,
                                                              TokenCacheSettings settings, Clock clock,
                                                              Ticker ticker, @Nullable MeterRegistry meters) {
        if (!settings.active()) {
            return validator;
        }
        return new CachingTokenValidator<>(validator, new VerifiedTokens(settings, clock, ticker, meters));
    }
}
