package dev.aispend.testsupport.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.security.token.jwt.signature.ec.ECSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.interfaces.ECPublicKey;

/** In the {@code test} environment, the services trust the tests' issuer (and nothing else unless configured). */
@Factory
@Requires(env = Environment.TEST)
class TestIssuerKeys {

    @Singleton
    @Named("test-issuer")
    ECSignatureConfiguration testIssuer() {
        ECPublicKey publicKey;
        try {
            publicKey = TestIssuer.key().toECPublicKey();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
        return new ECSignatureConfiguration() {
            @Override
            public ECPublicKey getPublicKey() {
                return publicKey;
            }

            @Override
            public JWSAlgorithm getJwsAlgorithm() {
                return JWSAlgorithm.ES256;
            }
        };
    }
}
