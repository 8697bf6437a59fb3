package dev.aispend.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.StaticJwksSignature;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The keys that sign the people's tokens: a JWKS URL of the organisation's OIDC issuer ({@code AUTH_JWKS_URL},
 * fetched and cached for a minute, so a key rotated in at the issuer is picked up), and/or a JWKS file ({@code AUTH_JWKS_FILE},
 * for configured keys and for the local development issuer). Both may be set; a token verifies if any key does.
 * With neither, no JWT is accepted (API keys still are): secure by default.
 */
@Factory
class TokenKeys {
    static final int JWKS_CACHE_SECONDS = 60;

    // The methods return the interfaces: a factory bean of Micronaut's own classes would carry their class-level
    // conditions (each expects its own configuration properties) and silently never exist.

    @Singleton
    @Named("configured-jwks-file")
    @Requires(property = "auth.jwks-file")
    SignatureConfiguration keysFromFile(@Value("${auth.jwks-file}") String file, ResourceResolver resources,
                                     JwkValidator validator) {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isReadable(path)) {
            // Refusing to start says what is wrong; starting would refuse every person's token instead.
            throw new IllegalStateException("AUTH_JWKS_FILE " + path + " is not a readable file");
        }
        return new StaticJwksSignature(() -> "file:" + path, resources, validator);
    }

    @Singleton
    @Named("configured-jwks-url")
    @Requires(property = "auth.jwks-url")
    ReactiveSignatureConfiguration<SignedJWT> keysFromUrl(@Value("${auth.jwks-url}") String url,
                                      JwkValidator validator, JwkSetFetcher<JWKSet> fetcher) {
        JwksSignatureConfiguration configuration = new JwksSignatureConfiguration() {
            @Override
            public String getUrl() {
                return url;
            }

            @Override
            public com.nimbusds.jose.jwk.KeyType getKeyType() {
                return null;
            }

            @Override
            public String getName() {
                return "configured-jwks-url";
            }

            @Override
            public Integer getCacheExpiration() {
                // micronaut-security's JWKS cache keeps the keys 60 s whatever this says (it looks the expiry up
                // by a configuration bean name this factory does not register): say so rather than offer a knob.
                return JWKS_CACHE_SECONDS;
            }
        };
        return new ReactiveJwksSignature(configuration, validator, fetcher);
    }
}
