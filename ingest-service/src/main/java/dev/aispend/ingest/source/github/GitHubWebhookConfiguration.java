package dev.aispend.ingest.source.github;

import dev.aispend.ingest.Secrets;
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
public record GitHubWebhookConfiguration(@Nullable String webhookSecret, @Nullable String webhookSecrets) {
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

    /** Without the secrets: a record prints every component, and Micronaut logs beans it creates at DEBUG. */
    @Override
    public String toString() {
        return "GitHubWebhookConfiguration[webhookSecret=" + Secrets.masked(webhookSecret) + ", webhookSecrets="
                + Secrets.masked(webhookSecrets) + "]";
    }
}
