package dev.aispend.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An issuer of ES256 bearer tokens shaped as the services expect from an OIDC provider: {@code iss}, {@code aud},
 * {@code sub}, {@code iat}, {@code nbf}, {@code exp}, {@code jti}, and the claims {@code roles}, {@code teams} and
 * {@code person}. The local system's development issuer ({@code ./run-local token ...}) and the tests' issuer are
 * both one of these; production tokens come from the organisation's own issuer instead (docs/security.md).
 */
public final class TokenIssuer {
    /** The issuer name the local system's services accept ({@code AUTH_ISSUER}). */
    public static final String DEVELOPMENT_ISSUER = "aispend-dev-issuer";
    /** The audience every token is for, unless a deployment sets another ({@code AUTH_AUDIENCE}). */
    public static final String AUDIENCE = "aispend";
    /** The longest a development token lives. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(7);

    private final ECKey key;
    private final String issuer;

    public TokenIssuer(ECKey key, String issuer) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("an issuer needs the private key");
        }
        this.key = key;
        this.issuer = Objects.requireNonNull(issuer);
    }

    /** A new P-256 key pair named {@code keyId}. */
    public static ECKey newKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException("could not generate an EC key", failure);
        }
    }

    /**
     * The issuer whose private key is in {@code keyFile} (a JWK), creating the key (owner-only) when the file does
     * not exist yet, and writing the public key set beside it as {@code jwks.json} for the services to read.
     */
    public static TokenIssuer readOrCreate(Path keyFile, String issuer) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, newKey("dev-" + UUID.randomUUID()).toJSONString(), StandardCharsets.UTF_8);
            }
            TokenIssuer tokens = new TokenIssuer(ECKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8)),
                    issuer);
            Files.writeString(publicKeysFile(keyFile), tokens.publicKeys(), StandardCharsets.UTF_8);
            return tokens;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read or create the issuer key " + keyFile, failure);
        } catch (ParseException failure) {
            throw new IllegalStateException(keyFile + " does not hold a JWK: " + failure.getMessage(), failure);
        }
    }

    /** Where {@link #readOrCreate} writes the public keys of the key in {@code keyFile}. */
    public static Path publicKeysFile(Path keyFile) {
        return keyFile.resolveSibling("jwks.json");
    }

    /** The public key set (JWKS JSON) that verifies this issuer's tokens. */
    public String publicKeys() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    public String issuer() {
        return issuer;
    }

    /** A token for {@code subject} holding {@code roles}, limited to {@code teams}, valid from now for {@code validity}. */
    public String token(String subject, List<String> roles, List<String> teams, String person, Duration validity) {
        Instant now = Instant.now();
        return sign(claims(subject, roles, teams, person, now, now.plus(validity)).build(), key);
    }

    /** Claims as {@link #token} would sign them, for tests that alter one before signing. */
    public JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> teams, String person,
                                       Instant notBefore, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(notBefore)).notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(roles)).claim("teams", List.copyOf(teams));
        if (person != null) {
            claims.claim("person", person);
        }
        return claims;
    }

    /** {@code claims} signed with this issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** {@code claims} signed ES256 with {@code signingKey}. */
    public static String sign(JWTClaimsSet claims, ECKey signingKey) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            token.sign(new ECDSASigner(signingKey));
            return token.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException("could not sign a token", failure);
        }
    }
}
