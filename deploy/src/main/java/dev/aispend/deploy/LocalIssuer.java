package dev.aispend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The issuer of a local stack (Compose, the local Kubernetes overlay): ES256 tokens shaped as the services expect
 * from an OIDC provider (iss, aud, sub, iat, nbf, exp, jti, roles, teams, person; docs/security.md), signed with
 * the P-256 key in {@value #KEY_FILE}. The services trust it through {@value #JWKS_FILE} (AUTH_JWKS_FILE) and
 * AUTH_ISSUER={@value #ISSUER}; nothing else does.
 */
final class LocalIssuer {
    static final String ISSUER = "aispend-local-issuer";
    static final String AUDIENCE = "aispend";
    static final String KEY_FILE = "issuer-key.pem";
    static final String JWKS_FILE = "issuer-jwks.json";
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final int COORDINATE_BYTES = 32;

    private final PrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String keyId;

    private LocalIssuer(PrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = "local-" + base64Url(sha256(publicKey.getEncoded())).substring(0, 16);
    }

    /** The issuer whose key {@code DevelopmentSecrets.generate} wrote into {@code directory}. */
    static LocalIssuer read(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + KEY_FILE + " in " + directory + ": run dev-secrets generate first");
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            KeyFactory keys = KeyFactory.getInstance("EC");
            return new LocalIssuer(keys.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY"))),
                    (ECPublicKey) keys.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY"))));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read " + file, failure);
        } catch (GeneralSecurityException | ClassCastException unusable) {
            throw new IllegalStateException(file + " does not hold a P-256 key pair", unusable);
        }
    }

    /** The public key set (JWKS) the services verify tokens with. */
    String publicKeySet() {
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + keyId
                + "\",\"x\":\"" + coordinate(publicKey.getW().getAffineX()) + "\",\"y\":\""
                + coordinate(publicKey.getW().getAffineY()) + "\"}]}\n";
    }

    String token(TokenRequest request) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"")
                .append(request.subject()).append("\",\"iat\":").append(now).append(",\"nbf\":").append(now)
                .append(",\"exp\":").append(now + request.validity().toSeconds())
                .append(",\"jti\":\"").append(UUID.randomUUID()).append("\",\"roles\":").append(array(request.roles()));
        if (!request.teams().isEmpty()) {
            claims.append(",\"teams\":").append(array(request.teams()));
        }
        if (request.person() != null) {
            claims.append(",\"person\":\"").append(request.person()).append('"');
        }
        String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String signed = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.append('}').toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + base64Url(sign(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** JWS wants ES256 signatures as r||s (P1363), not the DER the plain algorithm writes. */
    private byte[] sign(byte[] content) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(privateKey);
            signer.update(content);
            return signer.sign();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("could not sign a token", failure);
        }
    }

    /** Values were checked by TokenRequest (no quote, backslash or control character), so none needs escaping. */
    private static String array(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** A curve coordinate as JWK wants it: unsigned, big-endian, exactly 32 bytes. */
    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, fixed, COORDINATE_BYTES - length, length);
        return base64Url(fixed);
    }

    private static byte[] block(String pem, String type) {
        Matcher blocks = PEM_BLOCK.matcher(pem);
        while (blocks.find()) {
            if (blocks.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(blocks.group(2));
            }
        }
        throw new IllegalStateException("no " + type + " block in " + KEY_FILE);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", impossible);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
