package dev.aispend.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The ledger's Ed25519 checkpoint signing key for the local system: a PEM file holding the private key
 * (PKCS#8) and the public key (X.509), created once (owner-only permissions) and kept with the data, so
 * checkpoints signed before a restart still verify after it. Production keys come from a secret instead.
 */
public final class SigningKeyFile {
    private SigningKeyFile() {
    }

    /** Returns the file, creating a new key pair in it if it does not exist. */
    public static Path readOrCreate(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            // Created owner-only before the key is written, so it is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()),
                    StandardCharsets.US_ASCII);
            return file;
        } catch (IOException | GeneralSecurityException failure) {
            throw new IllegalStateException("could not create the ledger signing key " + file, failure);
        }
    }

    /** The key pair as the ledger reads it (LEDGER_SIGNING_KEY_FILE). */
    public static String pem(KeyPair pair) {
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PRIVATE KEY-----\n" + lines.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + lines.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
