package dev.aispend.ledger.command;

import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.ledger.api.UsageRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One usage record in the ledger. Its identifier is {@code usage:<usageRecordId>}, so the event store's
 * unique (aggregateIdentifier, sequenceNumber) makes a second recording of the same id impossible, whatever
 * the intake's own check missed. Corrections (re-rating, reversal) will be further events on it.
 */
public class UsageRecordAggregate {
    public static final String IDENTIFIER_PREFIX = "usage:";

    @AggregateIdentifier
    private String aggregateIdentifier;

    protected UsageRecordAggregate() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public UsageRecordAggregate(RecordUsageCommand command) {
        apply(new UsageRecordedEvent(command.usageRecordId(), command.occurredAt(), command.receivedAt(),
                command.source(), command.team(), command.personRef(), command.model(), command.tokens()));
    }

    public static String identifierOf(String usageRecordId) {
        return IDENTIFIER_PREFIX + usageRecordId;
    }

    @EventSourcingHandler
    void on(UsageRecordedEvent event) {
        aggregateIdentifier = identifierOf(event.usageRecordId());
    }
}
