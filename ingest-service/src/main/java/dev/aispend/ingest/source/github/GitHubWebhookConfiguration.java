package dev.aispend.ingest.source.github;

import dev.aispend.platform.secrets.Redacted;
import dev.aispend.platform.secrets.Secret;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GitHub webhook's settings ({@code ingest.github.*}, docs/github.md).
 *
 * @param webhookSecret  one secret (INGEST_GITHUB_WEBHOOK_SECRET), the usual case
 * @param webhookSecrets comma-separated secrets (INGEST_GITHUB_WEBHOOK_SECRETS), e.g. {@code new,old} while a
 *                       secret is rotated; together with {@code webhookSecret}, at most {@link #MAX_SECRETS}
 */
@ConfigurationProperties("ingest.github")
public record GitHubWebhookConfiguration(@Secret @Nullable String webhookSecret,
                                         @Secret @Nullable String webhookSecrets) {
    /** A rotation needs two (the new and the retiring); a few more leave room, and every one costs an HMAC. */
    static final int MAX_SECRETS = 4;

    /** Every configured secret, blanks dropped; empty when none is configured (the webhook then refuses all). */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            secrets.add(webhookSecret.strip());
        }
        if (webhookSecrets != null) {
            Arrays.stream(webhookSecrets.split(",")).map(String::strip).filter(secret -> !secret.isEmpty())
                    .filter(secret -> !secrets.contains(secret)).forEach(secrets::add);
        }
        if (secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("ingest.github: at most " + MAX_SECRETS
                    + " webhook secrets may be configured at once, found " + secrets.size());
        }
        return List.copyOf(secrets);
    }

    /** Micronaut logs the beans it creates (at DEBUG): the secrets must not be among what it writes. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
