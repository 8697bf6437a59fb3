package dev.aispend.ingest.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinctive values for every secret ingest-service reads, each found nowhere else, so any occurrence of one in a
 * log is that secret leaking. Fixed, so a failure repeats.
 */
final class IngestSecrets {
    static final String DATABASE_ROLE = "ingest_secrets_probe";
    static final String DATABASE_PASSWORD = "dbpass-7f3a9c1e-never-logged";
    /** 43 bytes of text, base64: a usable key whose decoded form is searchable too. */
    static final String PSEUDONYM_KEY_TEXT = "pseudonym-key-5b8e2d40-never-logged-at-all";
    static final String PSEUDONYM_KEY = Base64.getEncoder().encodeToString(
            PSEUDONYM_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));
    static final String WEBHOOK_SECRET = "webhook-current-3c9d11-never-logged";
    static final String WEBHOOK_NEW_SECRET = "webhook-new-81fa02-never-logged";
    static final String WEBHOOK_OLD_SECRET = "webhook-old-07be93-never-logged";
    static final String LEDGER_CREDENTIAL = "ledger-credential-e41c70-never-logged";
    /** Exactly 32 bytes of text (AES-256), base64: a usable key whose decoded form is searchable too. */
    static final String DIRECTORY_KEY_TEXT = "directory-key-4c1e-never-logged!";
    static final String DIRECTORY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(
            DIRECTORY_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));

    private IngestSecrets() {
    }

    /** The service's properties for these secrets, as application.yml would take them from the environment. */
    static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("datasources.default.username", DATABASE_ROLE);
        properties.put("datasources.default.password", DATABASE_PASSWORD);
        properties.put("ingest.pseudonym-key", PSEUDONYM_KEY);
        properties.put("ingest.github.webhook-secret", WEBHOOK_SECRET);
        properties.put("ingest.github.webhook-secrets", WEBHOOK_NEW_SECRET + "," + WEBHOOK_OLD_SECRET);
        properties.put("auth.ledger-credential", LEDGER_CREDENTIAL);
        properties.put("ingest.directory-encryption-key", DIRECTORY_ENCRYPTION_KEY);
        return properties;
    }

    /** Each secret by the variable that sets it, in every form a log might show it. */
    static Map<String, String> searchable() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("DB_PASSWORD", DATABASE_PASSWORD);
        secrets.put("PSEUDONYM_KEY", PSEUDONYM_KEY);
        secrets.put("PSEUDONYM_KEY (decoded)", PSEUDONYM_KEY_TEXT);
        secrets.put("INGEST_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        secrets.put("INGEST_GITHUB_WEBHOOK_SECRETS (new)", WEBHOOK_NEW_SECRET);
        secrets.put("INGEST_GITHUB_WEBHOOK_SECRETS (old)", WEBHOOK_OLD_SECRET);
        secrets.put("AUTH_LEDGER_CREDENTIAL", LEDGER_CREDENTIAL);
        secrets.put("DIRECTORY_ENCRYPTION_KEY", DIRECTORY_ENCRYPTION_KEY);
        secrets.put("DIRECTORY_ENCRYPTION_KEY (decoded)", DIRECTORY_KEY_TEXT);
        return secrets;
    }
}
