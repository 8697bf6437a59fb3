package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.ingest.kafka.IntakePublisher;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** When Kafka does not acknowledge the links, the directory answers 503 + Retry-After and commits nothing. */
@MicronautTest
class DirectoryBrokerDownIT extends IngestIntegration {

    @Inject
    DirectoryHttp directory;

    DirectoryBrokerDownIT() {
        super("directory-down-it.");
    }

    /** Kafka as a client sees it when the broker is away: every send fails once max.block.ms has passed. */
    @MockBean(IntakePublisher.class)
    IntakePublisher unreachableBroker() {
        return new IntakePublisher() {
            @Override
            public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
                return failed();
            }

            @Override
            public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
                return failed();
            }

            @Override
            public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
                return failed();
            }

            @Override
            public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                             Reidentification act) {
                return failed();
            }

            private CompletableFuture<RecordMetadata> failed() {
                return CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata"));
            }
        };
    }

    @Test
    void answers_503_with_retry_after_and_writes_nothing_when_kafka_does_not_acknowledge() {
        HttpResponse<String> unavailable = directory.postPerson("""
                {"person": "nina@example.com", "team": "platform", "aliases": {"email": ["nina@example.com"]}}""");

        assertThat(unavailable.code()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("5");
        assertThat(body(unavailable)).contains("\"status\":503").doesNotContain("nina");
        assertThat(directory.get("/v1/directory/aliases?kind=email&value=nina@example.com").code()).isEqualTo(404);
    }
}
