package dev.aispend.ingest.directory;

import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.kafka.BoundedSends;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Tells an entitled caller who a person ref is, and records every such act in the ledger FIRST: the act
 * ({@link Reidentification}: who asked, why, which kinds of alias were disclosed, never a value) is published to
 * identity.v1 with acks=all and the answer is given only once Kafka acknowledged it, from where the ledger records
 * it exactly once (at-least-once delivery, idempotent by its id). If Kafka does not acknowledge within
 * {@code ingest.publish-timeout}, nothing is disclosed ({@link ReidentificationNotRecordedException}, 503). A ref
 * the directory does not know discloses nothing and records nothing.
 */
@Singleton
public class Reidentifier {
    /** Far beyond any one person's history (every alias of every entry of theirs); the answer is bounded. */
    public static final int MAX_ROWS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Reidentifier.class);

    private final DirectoryService directory;
    private final IntakePublisher publisher;
    private final TopicNames topics;
    private final Clock clock;
    private final Duration publishTimeout;

    Reidentifier(DirectoryService directory, IntakePublisher publisher, TopicNames topics, Clock clock,
                 IngestConfiguration configuration) {
        this.directory = directory;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
        this.publishTimeout = configuration.publishTimeout();
    }

    /**
     * @param actor the authenticated principal asking, as the ledger records it
     * @return the person's rows, oldest first, once the act is recorded; empty when the directory knows no such ref
     */
    public Optional<Reidentified> reidentify(String personRef, String reason, String actor) {
        List<DirectoryStore.Recorded> rows = directory.rowsOf(personRef, MAX_ROWS);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Reidentification act = new Reidentification("rid-" + UUID.randomUUID(), personRef, actor, reason,
                disclosedKinds(rows), clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            BoundedSends.sendAll(List.of(act), sent -> publisher.publishReidentification(topics.identity(),
                    personRef, sent), publishTimeout, clock).join();
        } catch (CompletionException failure) {
            // Refs and ids only: the log says what failed, not who it was about.
            LOG.warn("re-identification {} by {} not acknowledged by Kafka within {}; nothing disclosed",
                    act.reidentificationId(), actor, publishTimeout, failure.getCause());
            throw new ReidentificationNotRecordedException(failure.getCause() != null ? failure.getCause() : failure);
        }
        LOG.info("re-identification {} of {} by {} acknowledged for the ledger; disclosing {}",
                act.reidentificationId(), personRef, actor, act.disclosedKinds());
        return Optional.of(new Reidentified(act, rows));
    }

    /** The kinds of alias the rows hold, in {@link AliasKind} order: what the answer discloses. */
    private static List<String> disclosedKinds(List<DirectoryStore.Recorded> rows) {
        return rows.stream().map(recorded -> recorded.row().kind()).distinct()
                .sorted(Comparator.naturalOrder()).map(AliasKind::wireName).toList();
    }

    /** The recorded act and what it discloses. */
    public record Reidentified(Reidentification act, List<DirectoryStore.Recorded> rows) {
    }
}
