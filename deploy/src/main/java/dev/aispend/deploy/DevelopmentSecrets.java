package dev.aispend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The secrets a Compose stack or the local Kubernetes overlay runs with, made on this machine with nothing but a
 * JDK (run as a single source file: {@code deploy/dev-secrets generate DIR}, deploy/README.md). Each file is made
 * only when missing, never replaced: a new pseudonym key, directory key or signing key would orphan the data made
 * under the old one. The directory is owner-only; the files in it are readable by all (0644) because Compose mounts
 * them into containers that run as uid 10001, which cannot read a file of another owner with mode 0600.
 *
 * <p>The local issuer ({@link LocalIssuer}) stands in for an organisation's OIDC issuer: only a stack given its
 * {@code issuer-jwks.json} trusts it. A production deployment generates the first group of files the same way (or
 * with the openssl commands in deploy/README.md) and trusts its own issuer instead.
 */
public final class DevelopmentSecrets {
    /** report-service's credential at the ledger: the longest an API key may live, so a local stack keeps working. */
    static final Duration REPORT_CREDENTIAL_VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentSecrets() {
    }

    public static void main(String[] arguments) {
        try {
            if (arguments.length == 2 && arguments[0].equals("generate")) {
                List<String> made = generate(Path.of(arguments[1]));
                System.out.println(made.isEmpty() ? "every secret was there already; nothing changed"
                        : "made " + String.join(", ", made) + " in " + arguments[1]);
            } else if (arguments.length >= 3 && arguments[0].equals("token")) {
                System.out.println(LocalIssuer.read(Path.of(arguments[1])).token(TokenRequest.parse(
                        List.of(arguments).subList(2, arguments.length))));
            } else {
                System.err.println("usage: dev-secrets generate DIR | dev-secrets token DIR <role>[,<role>...]"
                        + " [--subject=NAME] [--team=T]... [--person=REF] [--hours=N]");
                System.exit(2);
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException refused) {
            System.err.println("dev-secrets: " + refused.getMessage());
            System.exit(1);
        }
    }

    /** Makes every missing secret file in {@code directory}; returns the names of those it made. */
    public static List<String> generate(Path directory) {
        createOwnerOnlyDirectory(directory);
        Map<String, Supplier<String>> files = new LinkedHashMap<>();
        files.put("postgres-password", () -> randomBase64Url(24));
        for (String service : List.of("ingest", "ledger", "policy", "report")) {
            files.put(service + "-db-password", () -> randomBase64Url(24));
        }
        // ingest: the HMAC key of person refs and the AES-256 key of the directory (docs/security.md).
        files.put("pseudonym-key", () -> Base64.getEncoder().encodeToString(randomBytes(32)));
        files.put("directory-encryption-key", () -> Base64.getEncoder().encodeToString(randomBytes(32)));
        files.put("github-webhook-secret", () -> randomBase64Url(32));
        // ledger: the Ed25519 checkpoint signing pair, as LEDGER_SIGNING_KEY_FILE reads it.
        files.put("ledger-signing-key.pem", () -> pem(newKeyPair("Ed25519", null)));
        files.put(LocalIssuer.KEY_FILE, () -> pem(newKeyPair("EC", new ECGenParameterSpec("secp256r1"))));
        List<String> made = new java.util.ArrayList<>();
        files.forEach((name, content) -> {
            if (writeIfMissing(directory.resolve(name), content)) {
                made.add(name);
            }
        });
        LocalIssuer issuer = LocalIssuer.read(directory);
        // Derived from the issuer key: always written, so they follow it.
        write(directory.resolve(LocalIssuer.JWKS_FILE), issuer.publicKeySet());
        if (writeIfMissing(directory.resolve("report-ledger-credential"), () -> issuer.token(new TokenRequest(
                "report-service", List.of("finance-auditor", "compliance-officer"), List.of(), null,
                REPORT_CREDENTIAL_VALIDITY)))) {
            made.add("report-ledger-credential");
        }
        return made;
    }

    static String pem(KeyPair pair) {
        return block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair newKeyPair(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("this JDK cannot make an " + algorithm + " key pair", unavailable);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** URL-safe, so a password needs no quoting in a JDBC URL, a shell or SQL. */
    private static String randomBase64Url(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static void createOwnerOnlyDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not create " + directory, failure);
        }
    }

    private static boolean writeIfMissing(Path file, Supplier<String> content) {
        if (Files.exists(file)) {
            return false;
        }
        write(file, content.get());
        return true;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + file, failure);
        }
    }
}
