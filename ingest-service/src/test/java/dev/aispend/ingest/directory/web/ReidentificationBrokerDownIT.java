package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** No silent re-identification: when Kafka does not take the act, nobody is told who the person is (503). */
@MicronautTest
class ReidentificationBrokerDownIT extends IngestIntegration {

    @Inject
    DirectoryHttp directory;

    ReidentificationBrokerDownIT() {
        super("reidentification-down-it.");
    }

    /** Links are acknowledged (the directory can be written); re-identifications never are. */
    @MockBean(IntakePublisher.class)
    IntakePublisher linksOnly() {
        return new IntakePublisher() {
            @Override
            public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
                return acknowledged(topic);
            }

            @Override
            public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
                return acknowledged(topic);
            }

            @Override
            public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
                return acknowledged(topic);
            }

            @Override
            public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                             Reidentification act) {
                return CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata"));
            }

            private CompletableFuture<RecordMetadata> acknowledged(String topic) {
                return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0,
                        0, 0));
            }
        };
    }

    @Test
    void answers_503_with_retry_after_and_discloses_nothing_when_the_act_is_not_acknowledged() {
        assertThat(directory.postPerson("""
                {"person": "pia@example.com", "team": "platform", "aliases": {"email": "pia@example.com"}}""")
                .code()).isEqualTo(201);
        String personRef = body(directory.get("/v1/directory/aliases?kind=email&value=pia@example.com"))
                .replaceAll(".*\"personRef\":\"(prs_[0-9a-f]{32})\".*", "$1");

        HttpResponse<String> refused = http.exchange(HttpRequest.POST("/v1/directory/reidentifications",
                        "{\"personRef\": \"" + personRef + "\", \"reason\": \"fraud review 7\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + TestIssuer.token("carl", "compliance-officer")));

        assertThat(refused.code()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(body(refused)).contains("nothing was disclosed").doesNotContain("pia");
    }
}
