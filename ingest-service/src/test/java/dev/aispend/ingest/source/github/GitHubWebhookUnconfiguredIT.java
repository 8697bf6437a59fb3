package dev.aispend.ingest.source.github;

import dev.aispend.ingest.IngestTestProperties;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secure by default: with no secret configured, nothing is taken, however it is signed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubWebhookUnconfiguredIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DeliveryRows deliveries;

    @Override
    public Map<String, String> getProperties() {
        return IngestTestProperties.of("github-unset-it.");
    }

    @Test
    void refuses_every_delivery_saying_that_no_secret_is_configured() {
        GitHubWebhookClient github = new GitHubWebhookClient(http, GitHubWebhookClient.SECRET);

        assertThatThrownBy(() -> github.deliver("ping", "unset-1", GitHubFixtures.text(GitHubFixtures.PING)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("no GitHub webhook secret is configured", "INGEST_GITHUB_WEBHOOK_SECRET");
                });
        assertThat(deliveries.count("unset-1")).isZero();
    }
}
