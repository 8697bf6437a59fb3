package dev.aispend.ingest.directory;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.BrokerUnavailableException;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.kafka.BoundedSends;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.web.FieldError;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Writes directory entries and hands each alias row to the ledger as an {@code IdentityLink} of pseudonymous refs
 * on identity.v1, in one database transaction: rows are inserted, every link is published and acknowledged by
 * Kafka (acks=all, bounded by {@code ingest.publish-timeout}), then the transaction commits; when Kafka does not
 * acknowledge in time nothing is committed ({@link BrokerUnavailableException}, 503). Guarantees:
 * <ul>
 *   <li>all or nothing: a request breaking a rule (400) or contradicting the directory (409,
 *       {@link DirectoryConflictException}) writes and publishes nothing;</li>
 *   <li>idempotent: a row identical to a recorded one is left as it is, and its link is published again with the
 *       same id (the ledger records a link id once), so a retry or a re-import changes nothing;</li>
 *   <li>an entry without {@code validFrom} takes effect now, except for aliases whose entry in force now already
 *       says exactly this (same person, team, cost center): for those the recorded row stands, so importing an
 *       undated export twice records it once;</li>
 *   <li>no personal data reaches Kafka or the logs (only refs, and counts);</li>
 *   <li>the directory caches forget what they hold once the transaction commits: this instance's at once
 *       ({@link DirectoryChanges}), every instance's when PostgreSQL's notification reaches it.</li>
 * </ul>
 */
@Singleton
public class DirectoryService {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);

    private final DirectoryRules rules;
    private final DirectoryLinks links;
    private final DirectoryStore store;
    private final SealedRows sealed;
    private final IntakePublisher publisher;
    private final DirectoryChanges changes;
    private final TopicNames topics;
    private final Clock clock;
    private final Duration publishTimeout;

    DirectoryService(DirectoryRules rules, DirectoryLinks links, DirectoryStore store, SealedRows sealed,
                     IntakePublisher publisher, DirectoryChanges changes, TopicNames topics, Clock clock,
                     IngestConfiguration configuration) {
        this.rules = rules;
        this.links = links;
        this.store = store;
        this.sealed = sealed;
        this.publisher = publisher;
        this.changes = changes;
        this.topics = topics;
        this.clock = clock;
        this.publishTimeout = configuration.publishTimeout();
    }

    public DirectoryRules rules() {
        return rules;
    }

    /** Records the entries (all or nothing) once Kafka acknowledged every link; {@code locator} places reasons. */
    @Transactional
    public DirectoryRecorded record(List<PersonEntry> entries, Locator locator) {
        rules.requireValid(entries, locator);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<DirectoryRow.Key, Planned> planned = plan(entries, now);
        // Compared by refs, as stored: deciding what repeats and what conflicts decrypts nothing.
        Map<DirectoryRow.Alias, SealedRows.Stored> current = store.inForceSealed(planned.values().stream()
                .filter(Planned::undated).map(plan -> plan.row().alias()).toList(), now);
        List<SealedRows.Stored> standing = new ArrayList<>();
        List<Planned> toWrite = new ArrayList<>();
        for (Planned plan : planned.values()) {
            SealedRows.Stored inForce = plan.undated() ? current.get(plan.row().alias()) : null;
            if (inForce != null && sealed.sameAssignment(inForce, plan.row())) {
                standing.add(inForce);
            } else {
                toWrite.add(plan);
            }
        }
        Set<DirectoryRow.Key> inserted = store.insertNew(toWrite.stream().map(Planned::row).toList());
        requireNoConflict(toWrite, inserted, locator);
        if (!inserted.isEmpty()) {
            changes.afterCommit();
        }
        Instant receivedAt = clock.instant();
        List<IdentityLink> published = new ArrayList<>();
        standing.forEach(stored -> published.add(links.link(stored, receivedAt)));
        toWrite.forEach(plan -> published.add(links.link(plan.row(), receivedAt)));
        publish(published);
        LOG.info("directory: {} entries, {} alias rows, {} new, links acknowledged", entries.size(),
                planned.size(), inserted.size());
        return new DirectoryRecorded(entries.size(), planned.size(), inserted.size(),
                planned.size() - inserted.size());
    }

    /** The entry in force for an alias at an instant. */
    @ReadOnly
    public Optional<DirectoryStore.Recorded> owner(AliasKind kind, String value, Instant at) {
        return store.inForce(new DirectoryRow.Alias(kind, kind.normalize(value)), at);
    }

    /** A page of the rows naming a person (by the person key), oldest first. */
    @ReadOnly
    public List<DirectoryStore.Recorded> history(String person, int limit, long offset) {
        return store.history(links.personRef(AliasKind.PERSON.normalize(person)), limit, offset);
    }

    /** The rows of the person {@code personRef} names (at most {@code limit}, oldest first), decrypted. */
    @ReadOnly
    public List<DirectoryStore.Recorded> rowsOf(String personRef, int limit) {
        return store.history(personRef, limit, 0);
    }

    public DirectoryLinks links() {
        return links;
    }

    /** Each distinct row of the request, with the first entry that gave it (to name it in a conflict). */
    private Map<DirectoryRow.Key, Planned> plan(List<PersonEntry> entries, Instant now) {
        Map<DirectoryRow.Key, Planned> planned = new LinkedHashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            PersonEntry entry = entries.get(index);
            boolean undated = entry.validFrom() == null;
            for (DirectoryRow row : links.rows(entry, undated ? now : entry.validFrom())) {
                planned.putIfAbsent(row.key(), new Planned(index, entry, row, undated));
            }
        }
        return planned;
    }

    private void requireNoConflict(List<Planned> written, Set<DirectoryRow.Key> inserted, Locator locator) {
        List<Planned> present = written.stream().filter(plan -> !inserted.contains(plan.row().key())).toList();
        if (present.isEmpty()) {
            return;
        }
        Map<DirectoryRow.Key, SealedRows.Stored> recorded = store.at(present.stream().map(plan -> plan.row().key())
                .toList());
        List<FieldError> conflicts = new ArrayList<>();
        for (Planned plan : present) {
            SealedRows.Stored existing = recorded.get(plan.row().key());
            if (existing == null) {
                throw new IllegalStateException("a directory row was refused as a duplicate link id at another key");
            }
            if (!sealed.sameAssignment(existing, plan.row())) {
                // The field path says which alias; its value (personal data) is not echoed into the answer, which
                // proxies and clients log.
                conflicts.add(new FieldError(locator.path(plan.index(), fieldOf(plan)), "this "
                        + plan.row().kind().wireName() + " already has an entry from " + plan.row().validFrom()
                        + " with another person, team or cost center; entries are never overwritten: record the "
                        + "change with a later validFrom"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new DirectoryConflictException(conflicts);
        }
    }

    /** Publishes every link and waits, bounded, for all acknowledgements; stops early once one failed. */
    private void publish(List<IdentityLink> toPublish) {
        try {
            BoundedSends.sendAll(toPublish, link -> publisher.publishLink(topics.identity(), link.aliasRef(), link),
                    publishTimeout, clock).join();
        } catch (CompletionException failure) {
            throw unavailable(toPublish.size(), failure.getCause() != null ? failure.getCause() : failure);
        }
    }

    private BrokerUnavailableException unavailable(int links, Throwable failure) {
        // Links hold refs only, but the count says enough.
        LOG.warn("{} identity links not acknowledged by Kafka within {}; nothing committed", links, publishTimeout,
                failure);
        return new BrokerUnavailableException(links + " identity links", failure);
    }

    /** Where the client gave the row: {@code person}, or the first alias that normalizes to its value. */
    private static String fieldOf(Planned plan) {
        DirectoryRow row = plan.row();
        if (row.kind() == AliasKind.PERSON) {
            return "person";
        }
        List<String> values = plan.entry().aliases().getOrDefault(row.kind(), List.of());
        for (int index = 0; index < values.size(); index++) {
            if (row.kind().normalize(values.get(index)).equals(row.value())) {
                return PersonEntry.aliasField(row.kind(), index);
            }
        }
        return "aliases." + row.kind().wireName();
    }

    private record Planned(int index, PersonEntry entry, DirectoryRow row, boolean undated) {
    }
}
