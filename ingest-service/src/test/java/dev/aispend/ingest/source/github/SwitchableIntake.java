package dev.aispend.ingest.source.github;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.kafka.IntakePublisher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An intake that is down (every send fails as a broker timeout does) until it is brought up (every send is
 * acknowledged), recording what it acknowledged. Only where a test asks for it ({@code github-it.intake=switchable}).
 */
@Singleton
@Replaces(IntakePublisher.class)
@Requires(property = "github-it.intake", value = "switchable")
final class SwitchableIntake implements IntakePublisher {
    private volatile boolean up;
    private final List<OutcomeRecord> acknowledged = new CopyOnWriteArrayList<>();

    void up(boolean up) {
        this.up = up;
    }

    List<OutcomeRecord> acknowledged() {
        return List.copyOf(acknowledged);
    }

    @Override
    public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
        if (!up) {
            return CompletableFuture.failedFuture(new TimeoutException("the test broker is down"));
        }
        acknowledged.add(record);
        return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0, 0, 0));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("outcomes only"));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("outcomes only"));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                     Reidentification act) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("outcomes only"));
    }
}
