package dev.aispend.ingest.source.github;

import dev.aispend.ingest.IngestIntegration;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Secure by default: with no secret configured, nothing is taken, however it is signed. */
@MicronautTest
class GitHubWebhookUnconfiguredIT extends IngestIntegration {

    @Inject
    DeliveryRows deliveries;

    GitHubWebhookUnconfiguredIT() {
        super("github-unset-it.");
    }

    @Test
    void refuses_every_delivery_saying_that_no_secret_is_configured() {
        GitHubWebhookClient github = new GitHubWebhookClient(http, GitHubWebhookClient.SECRET);

        assertProblem(github.deliver("ping", "unset-1", GitHubFixtures.text(GitHubFixtures.PING)),
                HttpStatus.SERVICE_UNAVAILABLE, "no GitHub webhook secret is configured", "INGEST_GITHUB_WEBHOOK_SECRET");
        assertThat(deliveries.count("unset-1")).isZero();
    }
}
