package dev.aispend.testsupport.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.aispend.devstack.TokenIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * {@code Authorization} values a service must refuse, each named by what is wrong with it: no or malformed
 * credentials, tokens the tests' issuer never signed (another key, no signature at all, a MAC keyed with the
 * issuer's public key), tokens it signed that are not valid now or not for this service, and tokens that are
 * valid but carry no role. {@code claims} are otherwise those of a caller holding {@code roles}.
 */
public final class HostileTokens {
    /** A credential and the status a service must answer it with. */
    public record Hostile(String name, String authorization, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private HostileTokens() {
    }

    /** Every credential that must be answered 401: no caller is authenticated. */
    public static List<Hostile> unauthenticated(String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet valid = claims(now.minus(HOUR), now.plus(HOUR), roles).build();
        return List.of(
                refused("no Authorization header", null),
                refused("an empty bearer token", "Bearer "),
                refused("another scheme", "Basic " + base64("admin:admin")),
                refused("one part", "Bearer " + base64("{\"alg\":\"ES256\"}")),
                refused("two parts", "Bearer " + base64("{\"alg\":\"ES256\"}") + "." + base64(valid.toString())),
                refused("five parts of garbage", "Bearer a.b.c.d.e"),
                refused("parts that are not base64url", "Bearer !!!.@@@.###"),
                refused("parts that are not JSON", "Bearer " + base64("{\"alg\":") + "." + base64("not json")
                        + ".c2ln"),
                refused("a header that is a JSON array", "Bearer " + base64("[1,2]") + "." + base64(valid.toString())
                        + ".c2ln"),
                refused("expired an hour ago", signed(claims(now.minus(HOUR.multipliedBy(2)), now.minus(HOUR),
                        roles))),
                refused("not valid before an hour from now", signed(claims(now.plus(HOUR),
                        now.plus(HOUR.multipliedBy(2)), roles))),
                refused("signed by another key", TokenIssuer.sign(valid, TokenIssuer.newKey("intruder"))),
                refused("signed by another key under the issuer's key id",
                        TokenIssuer.sign(valid, TokenIssuer.newKey(TestIssuer.key().getKeyID()))),
                refused("unsigned (alg none)", "Bearer " + new PlainJWT(valid).serialize()),
                refused("an HMAC keyed with the issuer's public key (alg confusion)", macWithPublicKey(valid)),
                refused("claims changed after signing", tampered(valid)),
                refused("another issuer", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).issuer("intruder"))),
                refused("no issuer", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).issuer(null))),
                refused("another audience", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).audience("other"))),
                refused("no audience", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).audience((String) null))),
                refused("no subject", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).subject(null))),
                refused("no expiry", signed(claims(now.minus(HOUR), now.plus(HOUR), roles).expirationTime(null))));
    }

    /** Valid tokens from the tests' issuer that hold no role a service knows: 403, the caller is known. */
    public static List<Hostile> withoutRoles() {
        Instant now = Instant.now();
        return List.of(
                forbidden("no roles claim", signed(claims(now.minus(HOUR), now.plus(HOUR)).claim("roles", null))),
                forbidden("an empty roles claim", signed(claims(now.minus(HOUR), now.plus(HOUR)))),
                forbidden("only a role nobody grants", signed(claims(now.minus(HOUR), now.plus(HOUR), "superuser"))));
    }

    /** A bearer token of {@code bytes} characters: far more than any server reads as one header. */
    public static String oversized(int bytes) {
        return "Bearer " + "a".repeat(bytes);
    }

    private static JWTClaimsSet.Builder claims(Instant notBefore, Instant expires, String... roles) {
        return TestIssuer.issuer().claims("hostile-caller", List.of(roles), List.of(), null, notBefore, expires);
    }

    private static String signed(JWTClaimsSet.Builder claims) {
        return "Bearer " + TestIssuer.issuer().sign(claims.build());
    }

    private static String macWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            token.sign(new MACSigner(TestIssuer.issuer().publicKeys().getBytes(StandardCharsets.UTF_8)));
            return "Bearer " + token.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A token the issuer signed, its claims swapped for ones granting every role: the signature no longer fits. */
    private static String tampered(JWTClaimsSet claims) {
        String[] parts = TestIssuer.issuer().sign(claims).split("\\.");
        JWTClaimsSet widened = new JWTClaimsSet.Builder(claims).claim("roles", TestIssuer.ALL_ROLES).build();
        return "Bearer " + parts[0] + "." + base64(widened.toString()) + "." + parts[2];
    }

    private static String base64(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile refused(String name, String authorization) {
        return new Hostile(name, authorization, 401);
    }

    private static Hostile forbidden(String name, String authorization) {
        return new Hostile(name, authorization, 403);
    }
}
