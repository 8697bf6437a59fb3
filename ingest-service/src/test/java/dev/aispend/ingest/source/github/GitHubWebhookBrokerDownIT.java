package dev.aispend.ingest.source.github;

import dev.aispend.ingest.IngestTestProperties;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery row and the outcome's acknowledgement commit together: a broker failure leaves no row. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubWebhookBrokerDownIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SwitchableIntake intake;

    @Inject
    DeliveryRows deliveries;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(IngestTestProperties.of("github-down-it."));
        properties.put("ingest.github.webhook-secret", GitHubWebhookClient.SECRET);
        properties.put("github-it.intake", "switchable");
        properties.put("ingest.publish-timeout", "2s");
        return properties;
    }

    @Test
    void answers_503_and_records_no_delivery_when_kafka_fails_so_githubs_redelivery_is_taken() {
        String merged = GitHubFixtures.mergedAt(Instant.now().minus(1, ChronoUnit.HOURS));
        GitHubWebhookClient github = new GitHubWebhookClient(http, GitHubWebhookClient.SECRET);
        intake.up(false);

        assertThatThrownBy(() -> github.deliver("pull_request", "down-1", merged))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
                    assertThat(refused.getResponse().getHeaders().get("Retry-After")).isNotBlank();
                });
        assertThat(deliveries.count("down-1")).isZero();

        intake.up(true);
        HttpResponse<String> redelivered = github.deliver("pull_request", "down-1", merged);

        assertThat(redelivered.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(deliveries.outcomeOf("down-1")).contains("github-pr-" + GitHubFixtures.PULL_REQUEST_ID);
        assertThat(intake.acknowledged()).hasSize(1);
    }
}
