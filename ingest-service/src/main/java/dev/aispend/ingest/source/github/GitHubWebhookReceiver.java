package dev.aispend.ingest.source.github;

import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.RecordAge;
import dev.aispend.ingest.source.github.GitHubDeliveries.Delivery;
import dev.aispend.ingest.source.github.GitHubDeliveries.Earlier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Takes a verified delivery exactly once. In one database transaction it records the delivery id and, for a
 * merge, publishes the outcome through the shared {@link AcceptancePath} and waits for Kafka's acknowledgement
 * (bounded by {@code ingest.publish-timeout}); the row commits only after the acknowledgement. So:
 * <ul>
 *   <li>Kafka fails: the transaction rolls back, no row, 503; GitHub's redelivery is then processed afresh;</li>
 *   <li>a delivery id seen before with the same body: "already received", nothing published again;</li>
 *   <li>a delivery id seen before with another body: a conflict (409), nothing published: a delivery id names
 *       one payload, so this is not a redelivery;</li>
 *   <li>the commit fails after Kafka acknowledged: the answer is an error, GitHub's redelivery publishes the
 *       same outcome id again, and the ledger records an id once.</li>
 * </ul>
 * The database connection is held while Kafka acknowledges: at most the publish timeout per delivery.
 */
@Singleton
final class GitHubWebhookReceiver {
    private final TransactionOperations<Connection> transactions;
    private final AcceptancePath acceptance;
    private final Clock clock;

    GitHubWebhookReceiver(TransactionOperations<Connection> transactions, AcceptancePath acceptance, Clock clock) {
        this.transactions = transactions;
        this.acceptance = acceptance;
        this.clock = clock;
    }

    Receipt receive(Delivery delivery, WebhookDecision decision) {
        String outcomeId = decision instanceof WebhookDecision.Merged merged ? merged.outcome().id() : null;
        return transactions.executeWrite(status -> {
            Optional<Earlier> earlier = GitHubDeliveries.claim(status.getConnection(), delivery, outcomeId,
                    clock.instant());
            if (earlier.isPresent()) {
                return earlier.get().bodySha256().equals(delivery.bodySha256())
                        ? new Receipt(Status.ALREADY_RECEIVED, earlier.get().outcomeId(), null)
                        : new Receipt(Status.CONFLICT, null, null);
            }
            if (decision instanceof WebhookDecision.Merged merged) {
                publish(merged);
                return new Receipt(Status.RECORDED, outcomeId, null);
            }
            return new Receipt(Status.IGNORED, null, ((WebhookDecision.Ignored) decision).reason());
        });
    }

    /** Blocks this (request) thread until Kafka acknowledged, within the acceptance path's bounded wait. */
    private void publish(WebhookDecision.Merged merged) {
        try {
            acceptance.acceptOutcomes(List.of(merged.outcome()), RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                    PullRequestMerges.LOCATOR).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    enum Status { RECORDED, IGNORED, ALREADY_RECEIVED, CONFLICT }

    /** What became of a delivery: its outcome's id when one was published (now or before), why it was ignored. */
    record Receipt(Status status, @Nullable String outcomeId, @Nullable String reason) {
    }
}
