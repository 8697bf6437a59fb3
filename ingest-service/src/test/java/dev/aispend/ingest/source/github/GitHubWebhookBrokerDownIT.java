package dev.aispend.ingest.source.github;

import dev.aispend.ingest.IngestIntegration;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery row and the outcome's acknowledgement commit together: a broker failure leaves no row. */
@MicronautTest
class GitHubWebhookBrokerDownIT extends IngestIntegration {

    @Inject
    SwitchableIntake intake;

    @Inject
    DeliveryRows deliveries;

    GitHubWebhookBrokerDownIT() {
        super("github-down-it.", Map.of("ingest.github.webhook-secret", GitHubWebhookClient.SECRET,
                "github-it.intake", "switchable", "ingest.publish-timeout", "2s"));
    }

    @Test
    void answers_503_and_records_no_delivery_when_kafka_fails_so_githubs_redelivery_is_taken() {
        String merged = GitHubFixtures.mergedAt(Instant.now().minus(1, ChronoUnit.HOURS));
        GitHubWebhookClient github = new GitHubWebhookClient(http, GitHubWebhookClient.SECRET);
        intake.up(false);

        HttpResponse<String> unavailable = github.deliver("pull_request", "down-1", merged);

        assertThat(unavailable.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(unavailable.header("Retry-After")).isNotBlank();
        assertThat(deliveries.count("down-1")).isZero();

        intake.up(true);
        HttpResponse<String> redelivered = github.deliver("pull_request", "down-1", merged);

        assertThat(redelivered.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(deliveries.outcomeOf("down-1")).contains("github-pr-" + GitHubFixtures.PULL_REQUEST_ID);
        assertThat(intake.acknowledged()).hasSize(1);
    }
}
