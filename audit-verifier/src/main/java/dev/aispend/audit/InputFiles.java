package dev.aispend.audit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;

/**
 * Reads what the auditor hands the verifier. A file that cannot be read is a usage error (nothing was checked);
 * a file that reads but is malformed fails verification, naming the file.
 */
final class InputFiles {

    /** A public key and its keyId, computed here from the key itself, never taken on trust from a file. */
    record TrustedKey(PublicKey publicKey, String keyId) {
    }

    private InputFiles() {
    }

    static String readText(Path path) throws UsageException, VerificationFailure {
        try {
            return Files.readString(path);
        } catch (CharacterCodingException notUtf8) {
            throw new VerificationFailure(path + " is not UTF-8 text", notUtf8);
        } catch (IOException unreadable) {
            throw new UsageException("cannot read " + path + ": " + unreadable, unreadable);
        }
    }

    static Object readJson(Path path) throws UsageException, VerificationFailure {
        String text = readText(path);
        try {
            return Json.parse(text);
        } catch (Json.ParseException notJson) {
            throw new VerificationFailure(path + " is not JSON: " + notJson.getMessage(), notJson);
        }
    }

    static Map<String, Object> readJsonObject(Path path) throws UsageException, VerificationFailure {
        Object json = readJson(path);
        if (!(json instanceof Map<?, ?>)) {
            throw new VerificationFailure(path + " does not hold a JSON object");
        }
        return JsonFields.object(json, path.toString());
    }

    static Checkpoint readCheckpoint(Path path) throws UsageException, VerificationFailure {
        Map<String, Object> json = readJsonObject(path);
        try {
            return Checkpoint.fromJson(json);
        } catch (IllegalArgumentException malformed) {
            throw new VerificationFailure(path + " is not a checkpoint: " + malformed.getMessage(), malformed);
        }
    }

    /**
     * A PEM public key, or the JSON answer of {@code GET /v1/ledger/public-key}: its {@code publicKey} is the
     * key; its {@code keyId}, {@code algorithm} and {@code pem}, when present, must agree with it.
     */
    static TrustedKey readPublicKey(Path path) throws UsageException, VerificationFailure {
        String text = readText(path).strip();
        try {
            if (text.startsWith("{")) {
                return fromPublicKeyJson(path, JsonFields.object(Json.parse(text), path.toString()));
            }
            PublicKey publicKey = CheckpointSigner.publicKeyFromPem(text);
            return new TrustedKey(publicKey, CheckpointSigner.keyIdOf(publicKey));
        } catch (IllegalArgumentException malformed) {
            throw new VerificationFailure(path + " is not an Ed25519 public key: " + malformed.getMessage(),
                    malformed);
        }
    }

    private static TrustedKey fromPublicKeyJson(Path path, Map<String, Object> json) throws VerificationFailure {
        PublicKey publicKey = CheckpointSigner.publicKeyFromBase64Der(JsonFields.stringMember(json, "publicKey"));
        String keyId = CheckpointSigner.keyIdOf(publicKey);
        String claimedKeyId = JsonFields.stringMember(json, "keyId");
        if (!claimedKeyId.equals(keyId)) {
            throw new VerificationFailure(path + ": keyId " + claimedKeyId
                    + " is not the SHA-256 of its publicKey, which is " + keyId);
        }
        String algorithm = JsonFields.optionalStringMember(json, "algorithm");
        if (algorithm != null && !algorithm.equals(CheckpointSigner.ALGORITHM)) {
            throw new VerificationFailure(path + ": algorithm is " + algorithm + ", not Ed25519");
        }
        String pem = JsonFields.optionalStringMember(json, "pem");
        if (pem != null && !CheckpointSigner.keyIdOf(CheckpointSigner.publicKeyFromPem(pem)).equals(keyId)) {
            throw new VerificationFailure(path + ": pem and publicKey are different keys");
        }
        return new TrustedKey(publicKey, keyId);
    }
}
