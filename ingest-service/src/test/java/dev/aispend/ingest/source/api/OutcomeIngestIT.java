package dev.aispend.ingest.source.api;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OutcomeIngestIT extends IngestIntegration {

    OutcomeIngestIT() {
        super("outcome-it.");
    }

    @Test
    void accepts_an_outcome_only_after_kafka_has_it_and_publishes_no_identity() {
        KafkaProbe probe = probe();
        // A person's trailer beside the agent's: only the agent's becomes ledger data.
        String withHumanCoAuthor = OutcomeJsonMother.mergedPullRequest("pr-481").replace(
                "\"coAuthoredBy\": [", "\"coAuthoredBy\": [\"Mona Lisa <mona@example.com>\", ");

        HttpResponse<String> response = http.postJson("/v1/outcomes", withHumanCoAuthor);

        assertThat(response.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(response.body()).contains("\"id\":\"pr-481\"", "\"status\":\"accepted\"");
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("platform");
        assertThat(published.get(0).value())
                .contains("\"outcomeId\":\"pr-481\"", "\"kind\":\"pull_request_merged\"", "\"source\":\"api\"",
                        "\"personRef\":\"als_", "\"team\":\"platform\"", "\"repository\":\"acme/payments\"",
                        "\"number\":481", "\"additions\":120", "\"deletions\":33",
                        "\"labels\":[\"feature\",\"ai-assisted\"]",
                        "\"sessionIds\":[\"4f1c2a9e-5d7b-4c1e-9a3f-2b8d6e0c7a15\"]",
                        "\"coAuthoredBy\":[\"Claude <noreply@anthropic.com>\"]")
                // Our API is an outcome source of truth: the outcome counts (no accounting field).
                .doesNotContain("alice", "octo-alice", "Mona", "mona@example.com", "accounting");
    }

    @Test
    void accepts_a_batch_only_after_kafka_has_every_outcome() {
        KafkaProbe probe = probe();
        String batch = "{\"outcomes\": [" + OutcomeJsonMother.mergedPullRequest("batch-pr-1") + ", "
                + OutcomeJsonMother.deployments("batch-deploy-1") + "]}";

        HttpResponse<String> response = http.postJson("/v1/outcomes/batch", batch);

        assertThat(response.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(response.body()).contains("\"accepted\":2");
        assertThat(probe.recordsSinceCreated(2, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .hasSize(2)
                .anySatisfy(value -> assertThat(value).contains("\"outcomeId\":\"batch-deploy-1\"",
                        "\"kind\":\"deployment\"", "\"source\":\"api:argo\"", "\"personRef\":\"prs_", "\"count\":10"));
    }

    @Test
    void refuses_a_batch_with_one_bad_field_naming_it_and_publishes_none_of_it() {
        KafkaProbe probe = probe();
        String wrongType = "{\"outcomes\": [" + OutcomeJsonMother.mergedPullRequest("bad-1") + ", "
                + OutcomeJsonMother.mergedPullRequest("bad-2").replace("\"number\": 481", "\"number\": \"481\"")
                + "]}";
        String countOfNone = "{\"outcomes\": [" + OutcomeJsonMother.mergedPullRequest("bad-3") + ", "
                + OutcomeJsonMother.deployments("bad-4").replace("\"count\": 10", "\"count\": 0") + "]}";

        http.assertRefused("/v1/outcomes/batch", wrongType, "\"field\":\"outcomes[1].number\"", "must be a whole number");
        http.assertRefused("/v1/outcomes/batch", countOfNone, "\"field\":\"outcomes[1].count\"", "must be within 1..");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_unknown_fields_an_outcome_about_nobody_and_an_adapters_id_naming_each() {
        KafkaProbe probe = probe();
        String misspelt = OutcomeJsonMother.mergedPullRequest("unknown-1")
                .replace("\"aiAssistance\"", "\"aiAssist\"");
        String nestedUnknown = OutcomeJsonMother.mergedPullRequest("unknown-2")
                .replace("\"sessionIds\"", "\"sessions\"");
        String nobody = OutcomeJsonMother.deployments("nobody-1").replace("\"person\": \"bob@example.com\", ", "");

        http.assertRefused("/v1/outcomes", misspelt, "\"field\":\"aiAssist\"", "is not a field of an outcome");
        http.assertRefused("/v1/outcomes", nestedUnknown, "\"field\":\"aiAssistance.sessions\"",
                "is not a field of aiAssistance");
        http.assertRefused("/v1/outcomes", nobody, "\"field\":\"person\"", "is required unless aliases name the person");
        http.assertRefused("/v1/outcomes", OutcomeJsonMother.mergedPullRequest("github-pr-2840001"),
                "\"field\":\"id\"", "must not begin with github-");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    private KafkaProbe probe() {
        return probe(Topics.OUTCOMES_V1);
    }
}
