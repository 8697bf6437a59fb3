package dev.aispend.platform.secrets;

import java.util.List;

/**
 * The settings that hold secrets. Each may instead come from a file named by {@code <NAME>_FILE} (the Docker and
 * Kubernetes secrets convention), read by {@link SecretFiles}. The list is fixed, not a suffix rule: a setting that
 * already names a file (LEDGER_SIGNING_KEY_FILE, AUTH_JWKS_FILE) must not be mistaken for the file of another.
 * docs/security.md ("Secrets and rotation") lists the same names; a new secret setting is added to both.
 */
public final class SecretNames {
    /** The suffix of the variable that names a secret's file. */
    public static final String FILE_SUFFIX = "_FILE";

    public static final List<String> ALL = List.of(
            // Every service's PostgreSQL password.
            "DB_PASSWORD",
            // ingest: the HMAC key that turns identities into person refs.
            "PSEUDONYM_KEY",
            // ingest: the AES-256 key the identity directory encrypts aliases and person keys with.
            "DIRECTORY_ENCRYPTION_KEY",
            // ingest: the GitHub webhook secret, and the comma-separated list used during a rotation.
            "INGEST_GITHUB_WEBHOOK_SECRET",
            "INGEST_GITHUB_WEBHOOK_SECRETS",
            // ledger: the Ed25519 checkpoint signing key. The public half is not secret, but is mounted beside it.
            "LEDGER_SIGNING_PRIVATE_KEY",
            "LEDGER_SIGNING_PUBLIC_KEY",
            // report: the bearer token or API key it calls the ledger with.
            "AUTH_LEDGER_CREDENTIAL");

    private SecretNames() {
    }

    /** {@code DB_PASSWORD} gives {@code DB_PASSWORD_FILE}. */
    public static String fileVariable(String name) {
        return name + FILE_SUFFIX;
    }
}
