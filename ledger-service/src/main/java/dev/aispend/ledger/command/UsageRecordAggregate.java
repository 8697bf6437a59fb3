package dev.aispend.ledger.command;

import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.FlagUsageConflictCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One usage record in the ledger. Its identifier is {@code usage:<recordId>}, so the event store's unique
 * (aggregateIdentifier, sequenceNumber) makes a second recording of the same id impossible, whatever the
 * intake's own check missed. Its first event, {@link SpendRecorded}, is appended by the intake directly
 * (AppendContext.publishFirstEvent), since creating it has no rule to check; commands come after. The same id
 * sent again with other content is flagged once per distinct content, never counted. Records stored by the foundation ({@link LegacyUsageRecorded}) load the same way.
 */
public class UsageRecordAggregate {
    public static final String IDENTIFIER_PREFIX = "usage:";
    /** The aggregate type Axon stores with its events (the class's simple name, as the foundation stored it). */
    public static final String AGGREGATE_TYPE = "UsageRecordAggregate";

    @AggregateIdentifier
    private String aggregateIdentifier;
    private String recordedContentSha256;
    private final Set<String> flaggedContentSha256 = new HashSet<>();

    protected UsageRecordAggregate() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    /**
     * Flags other content for this id, once per distinct content; the recorded content itself is a retry.
     * Returns the flag it recorded, or null when there was nothing new to flag.
     */
    @CommandHandler
    public UsageConflictFlagged handle(FlagUsageConflictCommand command) {
        String content = command.contentSha256();
        if (content.equals(recordedContentSha256) || flaggedContentSha256.contains(content)) {
            return null;
        }
        UsageRecord record = command.record();
        UsageConflictFlagged flagged = new UsageConflictFlagged(record.usageRecordId(), recordedContentSha256,
                content, record.occurredAt(), record.receivedAt(), record.source(), record.team(),
                record.personRef(), record.model(), record.tokens());
        apply(flagged);
        return flagged;
    }

    public static String identifierOf(String recordId) {
        return IDENTIFIER_PREFIX + recordId;
    }

    @EventSourcingHandler
    void on(SpendRecorded event) {
        aggregateIdentifier = identifierOf(event.recordId());
        recordedContentSha256 = event.contentSha256();
    }

    @EventSourcingHandler
    void on(UsageEvidenceRecorded event) {
        aggregateIdentifier = identifierOf(event.evidence().recordId());
        recordedContentSha256 = event.evidence().contentSha256();
    }

    @EventSourcingHandler
    void on(LegacyUsageRecorded event) {
        aggregateIdentifier = identifierOf(event.usageRecordId());
        recordedContentSha256 = event.contentSha256();
    }

    @EventSourcingHandler
    void on(UsageConflictFlagged event) {
        flaggedContentSha256.add(event.conflictingContentSha256());
    }
}
