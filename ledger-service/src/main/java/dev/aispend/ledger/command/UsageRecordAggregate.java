package dev.aispend.ledger.command;

import dev.aispend.ledger.api.FlagUsageConflictCommand;
import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.ledger.api.UsageConflictFlaggedEvent;
import dev.aispend.ledger.api.UsageRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One usage record in the ledger. Its identifier is {@code usage:<usageRecordId>}, so the event store's
 * unique (aggregateIdentifier, sequenceNumber) makes a second recording of the same id impossible, whatever
 * the intake's own check missed. The same id sent again with other content is flagged once per distinct
 * content, never counted. Corrections (re-rating, reversal) will be further events on it.
 */
public class UsageRecordAggregate {
    public static final String IDENTIFIER_PREFIX = "usage:";

    @AggregateIdentifier
    private String aggregateIdentifier;
    private String recordedContentSha256;
    private final Set<String> flaggedContentSha256 = new HashSet<>();

    protected UsageRecordAggregate() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public UsageRecordAggregate(RecordUsageCommand command) {
        apply(new UsageRecordedEvent(command.usageRecordId(), command.occurredAt(), command.receivedAt(),
                command.source(), command.team(), command.personRef(), command.model(), command.tokens(),
                command.contentSha256()));
    }

    /** Flags other content for this id, once per distinct content; the recorded content itself is a retry. */
    @CommandHandler
    public void handle(FlagUsageConflictCommand command) {
        String content = command.contentSha256();
        if (content.equals(recordedContentSha256) || flaggedContentSha256.contains(content)) {
            return;
        }
        apply(new UsageConflictFlaggedEvent(command.usageRecordId(), recordedContentSha256, content,
                command.occurredAt(), command.receivedAt(), command.source(), command.team(), command.personRef(),
                command.model(), command.tokens()));
    }

    public static String identifierOf(String usageRecordId) {
        return IDENTIFIER_PREFIX + usageRecordId;
    }

    @EventSourcingHandler
    void on(UsageRecordedEvent event) {
        aggregateIdentifier = identifierOf(event.usageRecordId());
        recordedContentSha256 = event.contentSha256();
    }

    @EventSourcingHandler
    void on(UsageConflictFlaggedEvent event) {
        flaggedContentSha256.add(event.conflictingContentSha256());
    }
}
