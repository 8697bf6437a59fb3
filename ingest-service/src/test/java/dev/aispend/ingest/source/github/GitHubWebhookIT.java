package dev.aispend.ingest.source.github;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class GitHubWebhookIT extends IngestIntegration {
    private static final String OUTCOME_ID = "github-pr-" + GitHubFixtures.PULL_REQUEST_ID;
    private static final Instant MERGED_AT = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DeliveryRows deliveries;

    @Inject
    EmbeddedServer server;

    GitHubWebhookIT() {
        super("github-it.", Map.of("ingest.github.webhook-secrets",
                GitHubWebhookClient.SECRET + ",the-retired-secret"));
    }

    @Test
    void records_a_signed_merged_pull_request_as_one_outcome_of_a_pseudonymous_author() {
        KafkaProbe probe = probe();

        HttpResponse<String> response = client().deliver("pull_request", "merge-1",
                GitHubFixtures.mergedAt(MERGED_AT));

        assertThat(response.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(response.body()).contains("\"status\":\"recorded\"", "\"outcomeId\":\"" + OUTCOME_ID + "\"");
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        String authorRef = new Pseudonymizer(IngestTestProperties.PSEUDONYM_KEY)
                .aliasRef(AliasKind.GITHUB_LOGIN, "Codertocat");
        assertThat(published.get(0).value())
                .contains("\"outcomeId\":\"" + OUTCOME_ID + "\"", "\"kind\":\"pull_request_merged\"",
                        "\"source\":\"github\"", "\"personRef\":\"" + authorRef + "\"",
                        "\"repository\":\"Codertocat/Hello-World\"", "\"number\":2", "\"labels\":[\"bug\"]",
                        "\"occurredAt\":\"" + MERGED_AT + "\"",
                        "\"coAuthoredBy\":[\"Claude <noreply@anthropic.com>\",\"Generated with Claude Code\"]",
                        "\"sessionIds\":[\"session_011CUdF7jGzVq3kT9wXhRbYp\"]")
                .doesNotContain("\"Codertocat\"", "mona@example.com", "Mona Lisa");
        assertThat(deliveries.outcomeOf("merge-1")).contains(OUTCOME_ID);
    }

    @Test
    void publishes_a_delivery_once_however_often_it_arrives() {
        String merged = GitHubFixtures.mergedAt(MERGED_AT);
        KafkaProbe probe = probe();
        assertThat(client().deliver("pull_request", "merge-2", merged).code()).isEqualTo(202);
        assertThat(probe.recordsSinceCreated(1, Duration.ofSeconds(30))).hasSize(1);
        KafkaProbe afterFirst = probe();

        HttpResponse<String> again = client().deliver("pull_request", "merge-2", merged);

        assertThat(again.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(again.body()).contains("\"status\":\"already received\"", "\"outcomeId\":\"" + OUTCOME_ID + "\"");
        assertThat(afterFirst.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void counts_another_delivery_of_the_same_merge_under_the_same_outcome_id() {
        KafkaProbe probe = probe();

        client().deliver("pull_request", "merge-3a", GitHubFixtures.mergedAt(MERGED_AT));
        client().deliver("pull_request", "merge-3b", GitHubFixtures.mergedAt(MERGED_AT));

        // Two deliveries (an organisation's and a repository's webhook): one outcome id, which the ledger records once.
        assertThat(probe.recordsSinceCreated(2, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .allSatisfy(value -> assertThat(value).contains("\"outcomeId\":\"" + OUTCOME_ID + "\""));
    }

    @Test
    void refuses_a_known_delivery_id_with_another_body_and_publishes_nothing() {
        client().deliver("pull_request", "merge-4", GitHubFixtures.mergedAt(MERGED_AT));
        KafkaProbe probe = probe();

        assertProblem(client().deliver("pull_request", "merge-4", GitHubFixtures.mergedAt(MERGED_AT.minusSeconds(60))),
                HttpStatus.CONFLICT, "X-GitHub-Delivery");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_a_bad_or_missing_signature_storing_and_publishing_nothing() {
        KafkaProbe probe = probe();
        String merged = GitHubFixtures.mergedAt(MERGED_AT);
        GitHubWebhookClient impostor = new GitHubWebhookClient(http, "not-our-secret");

        assertProblem(impostor.deliver("pull_request", "forged-1", merged), HttpStatus.UNAUTHORIZED,
                "does not match the body under any configured secret");
        assertProblem(client().deliverSignedAs("pull_request", "forged-2", merged, null),
                HttpStatus.UNAUTHORIZED, "carries no X-Hub-Signature-256");
        String signedOtherBody = WebhookSignature.sign(GitHubWebhookClient.SECRET,
                merged.replace("\"additions\": 1", "\"additions\": 2").getBytes(StandardCharsets.UTF_8));
        assertProblem(client().deliverSignedAs("pull_request", "forged-3", merged, signedOtherBody),
                HttpStatus.UNAUTHORIZED, "X-Hub-Signature-256");

        assertThat(probe.endOffsetsUnchanged()).isTrue();
        assertThat(deliveries.count("forged-1", "forged-2", "forged-3")).isZero();
    }

    @Test
    void accepts_a_delivery_signed_with_the_retiring_secret_during_a_rotation() {
        HttpResponse<String> response = new GitHubWebhookClient(http, "the-retired-secret")
                .deliver("ping", "rotation-1", GitHubFixtures.text(GitHubFixtures.PING));

        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void acknowledges_a_ping_and_an_unmerged_close_and_publishes_nothing() {
        KafkaProbe probe = probe();

        HttpResponse<String> ping = client().deliver("ping", "ping-1", GitHubFixtures.text(GitHubFixtures.PING));
        HttpResponse<String> closed = client().deliver("pull_request", "closed-1",
                GitHubFixtures.text(GitHubFixtures.UNMERGED));

        assertThat(ping.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(ping.body()).contains("\"status\":\"ignored\"", "ping");
        assertThat(closed.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(closed.body()).contains("\"status\":\"ignored\"", "closed without being merged");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
        assertThat(deliveries.count("ping-1", "closed-1")).isEqualTo(2);
        assertThat(deliveries.outcomeOf("closed-1")).isEmpty();
    }

    @Test
    void takes_githubs_form_encoded_delivery_as_well() throws Exception {
        KafkaProbe probe = probe();
        String form = "payload=" + URLEncoder.encode(GitHubFixtures.mergedAt(MERGED_AT), StandardCharsets.UTF_8);

        java.net.http.HttpResponse<String> response = client().deliverForm(server.getURI(), "pull_request",
                "form-1", form);

        assertThat(response.statusCode()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(probe.recordsSinceCreated(1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void refuses_a_signed_payload_that_is_not_json_or_lacks_what_a_merge_needs_storing_nothing() {
        KafkaProbe probe = probe();

        assertProblem(client().deliver("pull_request", "bad-1", "{\"action\": "), HttpStatus.BAD_REQUEST,
                "is not valid JSON");
        assertProblem(client().deliver("pull_request", "bad-2", GitHubFixtures.mergedAt(MERGED_AT)
                .replace("\"login\": \"Codertocat\"", "\"login\": null")), HttpStatus.BAD_REQUEST,
                "\"field\":\"pull_request.user.login\"");
        // GitHub's own example date: a live outcome over 400 days old (INGEST_MAX_RECORD_AGE).
        assertProblem(client().deliver("pull_request", "bad-3", GitHubFixtures.text(GitHubFixtures.MERGED)),
                HttpStatus.BAD_REQUEST, "\"field\":\"pull_request.merged_at\"");
        assertProblem(client().deliver(null, "bad-4", GitHubFixtures.text(GitHubFixtures.PING)),
                HttpStatus.BAD_REQUEST, "\"field\":\"X-GitHub-Event\"");

        assertThat(probe.endOffsetsUnchanged()).isTrue();
        assertThat(deliveries.count("bad-1", "bad-2", "bad-3", "bad-4")).isZero();
    }

    private GitHubWebhookClient client() {
        return new GitHubWebhookClient(http, GitHubWebhookClient.SECRET);
    }

    private KafkaProbe probe() {
        return probe(Topics.OUTCOMES_V1);
    }
}
