package dev.aispend.ledger.seal;

import dev.aispend.audit.CheckpointSigner;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs checkpoints. Required, never generated silently: a ledger that signs with a key
 * nobody kept cannot be checked later. {@code ./run-local} creates one in {@code ./data/secrets/}; deployments
 * mount one as a secret. The pair is checked at start-up (the public key verifies a signature of the private).
 */
@Singleton
public final class SigningKeys {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final Map<String, PublicKey> trustedPublicKeys;
    private final List<PublicKey> previousPublicKeys;

    SigningKeys(SealConfiguration configuration) {
        String privateBase64 = configuration.privateKey();
        String publicBase64 = configuration.publicKey();
        if (configuration.keyFile() != null && !configuration.keyFile().isBlank()) {
            String pem = read(Path.of(configuration.keyFile()));
            privateBase64 = block(pem, "PRIVATE KEY", configuration.keyFile());
            publicBase64 = block(pem, "PUBLIC KEY", configuration.keyFile());
        }
        if (isBlank(privateBase64) || isBlank(publicBase64)) {
            throw new IllegalStateException("the ledger needs its Ed25519 signing key: set LEDGER_SIGNING_KEY_FILE "
                    + "(PEM with PRIVATE KEY and PUBLIC KEY blocks) or LEDGER_SIGNING_PRIVATE_KEY and "
                    + "LEDGER_SIGNING_PUBLIC_KEY (base64 DER); see the README");
        }
        this.privateKey = CheckpointSigner.privateKeyFromBase64Der(privateBase64.strip());
        this.publicKey = CheckpointSigner.publicKeyFromBase64Der(publicBase64.strip());
        this.keyId = CheckpointSigner.keyIdOf(publicKey);
        requireMatchingPair();
        this.previousPublicKeys = configuration.previousPublicKeys().stream()
                .map(previous -> CheckpointSigner.publicKeyFromBase64Der(previous.strip()))
                .filter(previous -> !CheckpointSigner.keyIdOf(previous).equals(keyId)).toList();
        Map<String, PublicKey> trusted = new HashMap<>();
        trusted.put(keyId, publicKey);
        previousPublicKeys.forEach(previous -> trusted.put(CheckpointSigner.keyIdOf(previous), previous));
        this.trustedPublicKeys = Map.copyOf(trusted);
    }

    /**
     * The keys this ledger signed with before its current one (LEDGER_SIGNING_PREVIOUS_PUBLIC_KEYS, as configured,
     * the current key left out): an auditor needs them for the checkpoints signed before a rotation.
     */
    public List<PublicKey> previousPublicKeys() {
        return previousPublicKeys;
    }

    /**
     * The public key a checkpoint names by its keyId, if this ledger trusts it: the current key or one it signed
     * with before a rotation (LEDGER_SIGNING_PREVIOUS_PUBLIC_KEYS), so old checkpoints still verify.
     */
    public Optional<PublicKey> trustedPublicKey(String checkpointKeyId) {
        return Optional.ofNullable(trustedPublicKeys.get(checkpointKeyId));
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    private void requireMatchingPair() {
        try {
            byte[] probe = "aispend-ledger key pair check".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("the configured signing public key does not match the private key");
            }
        } catch (java.security.GeneralSecurityException unusable) {
            throw new IllegalStateException("the configured signing key is not a usable Ed25519 key", unusable);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read the signing key file " + file, unreadable);
        }
    }

    private static String block(String pem, String label, String file) {
        Matcher matcher = PEM_BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                return matcher.group(2).replaceAll("\\s", "");
            }
        }
        throw new IllegalStateException("the signing key file " + file + " has no " + label + " block");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

}
