package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.LedgerAppendSignal;
import dev.aispend.ledger.api.FlagUsageConflictCommand;
import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.ledger.command.UsageRecordAggregate;
import dev.aispend.platform.kafka.BatchHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records a polled batch of usage.v1 in one database transaction: one Axon unit of work whose nested command
 * handlings hand their events to it, so the whole batch is one JDBC batch append. Ids already in the ledger
 * with the same content (a redelivery, a client retry) are skipped, which with at-least-once delivery gives
 * exactly-once recording; with other content they are flagged as conflicts, never counted.
 */
@Singleton
public final class UsageIntake implements BatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UsageIntake.class);

    private final UsageDecoder decoder;
    private final IntakeStore store;
    private final CommandGateway commands;
    private final TransactionManager transactionManager;
    private final LedgerAppendSignal appendSignal;
    private final Counter recordedCounter;
    private final Counter repeatedCounter;
    private final Counter conflictCounter;
    private final Counter quarantinedCounter;

    UsageIntake(UsageDecoder decoder, IntakeStore store, CommandGateway commands,
                TransactionManager transactionManager, LedgerAppendSignal appendSignal, MeterRegistry meters) {
        this.decoder = decoder;
        this.store = store;
        this.commands = commands;
        this.transactionManager = transactionManager;
        this.appendSignal = appendSignal;
        this.recordedCounter = meters.counter("aispend.ledger.usage.recorded");
        this.repeatedCounter = meters.counter("aispend.ledger.usage.repeated");
        this.conflictCounter = meters.counter("aispend.ledger.usage.conflicts");
        this.quarantinedCounter = meters.counter("aispend.ledger.usage.quarantined");
    }

    @Override
    public void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        DecodedBatch decoded = decoder.decode(batch);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            Outcome outcome = recordNew(decoded.records());
            for (DecodedBatch.Undecodable undecodable : decoded.undecodable()) {
                LOG.error("quarantined undecodable message {}-{}@{}: {}", undecodable.message().topic(),
                        undecodable.message().partition(), undecodable.message().offset(), undecodable.reason());
                store.quarantine(undecodable);
            }
            unitOfWork.commit();
            // Counted after the commit only, so a rolled-back and retried batch is not counted twice.
            recordedCounter.increment(outcome.recorded());
            repeatedCounter.increment(outcome.repeated());
            conflictCounter.increment(outcome.conflicting());
            quarantinedCounter.increment(decoded.undecodable().size());
            if (outcome.recorded() + outcome.conflicting() > 0) {
                appendSignal.appended();
            }
        } catch (Exception | Error failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            throw failure;
        }
    }

    /**
     * Records each record whose id is new; a repeated id with the same content is a retry or a redelivery and
     * is skipped; with other content it is flagged as a conflict on the recorded one.
     */
    private Outcome recordNew(List<UsageRecord> records) throws Exception {
        Map<String, String> contentById = store.recordedContentHashes(
                records.stream().map(UsageRecord::usageRecordId).collect(Collectors.toSet()));
        int recorded = 0;
        int repeated = 0;
        int conflicting = 0;
        for (UsageRecord record : records) {
            String content = UsageContentHash.of(record);
            String recordedContent = contentById.putIfAbsent(record.usageRecordId(), content);
            if (recordedContent == null) {
                commands.sendAndWait(recordCommand(record, content));
                recorded++;
            } else if (recordedContent.equals(content)) {
                repeated++;
            } else {
                // The aggregate flags each distinct conflicting content once, so a redelivered conflict is quiet.
                commands.sendAndWait(conflictCommand(record, content));
                conflicting++;
            }
        }
        if (repeated > 0 || conflicting > 0) {
            // Expected after a crash or a client retry; the counts make redeliveries and conflicts visible.
            LOG.info("skipped {} usage records already in the ledger; {} came with other content and were flagged",
                    repeated, conflicting);
        }
        return new Outcome(recorded, repeated, conflicting);
    }

    /** What one batch did; conflicts count the commands sent, the aggregate may find some already flagged. */
    private record Outcome(int recorded, int repeated, int conflicting) {
    }

    private static RecordUsageCommand recordCommand(UsageRecord record, String content) {
        return new RecordUsageCommand(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens(), content);
    }

    private static FlagUsageConflictCommand conflictCommand(UsageRecord record, String content) {
        return new FlagUsageConflictCommand(UsageRecordAggregate.identifierOf(record.usageRecordId()),
                record.usageRecordId(), content, record.occurredAt(), record.receivedAt(), record.source(),
                record.team(), record.personRef(), record.model(), record.tokens());
    }
}
