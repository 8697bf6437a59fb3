package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.LedgerAppendSignal;
import dev.aispend.ledger.api.RecordUsageCommand;
import dev.aispend.platform.kafka.BatchHandler;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Records a polled batch of usage.v1 in one database transaction: one Axon unit of work whose nested command
 * handlings hand their events to it, so the whole batch is one JDBC batch append. Ids already in the ledger
 * (a redelivery, a client retry) are skipped, which with at-least-once delivery gives exactly-once recording.
 */
@Singleton
public final class UsageIntake implements BatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UsageIntake.class);

    private final UsageDecoder decoder;
    private final IntakeStore store;
    private final CommandGateway commands;
    private final TransactionManager transactionManager;
    private final LedgerAppendSignal appendSignal;

    UsageIntake(UsageDecoder decoder, IntakeStore store, CommandGateway commands,
                TransactionManager transactionManager, LedgerAppendSignal appendSignal) {
        this.decoder = decoder;
        this.store = store;
        this.commands = commands;
        this.transactionManager = transactionManager;
        this.appendSignal = appendSignal;
    }

    @Override
    public void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        DecodedBatch decoded = decoder.decode(batch);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            int recorded = recordNew(decoded.records());
            for (DecodedBatch.Undecodable undecodable : decoded.undecodable()) {
                LOG.error("quarantined undecodable message {}-{}@{}: {}", undecodable.message().topic(),
                        undecodable.message().partition(), undecodable.message().offset(), undecodable.reason());
                store.quarantine(undecodable);
            }
            unitOfWork.commit();
            if (recorded > 0) {
                appendSignal.appended();
            }
        } catch (Exception | Error failure) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failure);
            }
            throw failure;
        }
    }

    private int recordNew(List<UsageRecord> records) throws Exception {
        Set<String> alreadyRecorded = store.alreadyRecorded(records.stream().map(UsageRecord::usageRecordId).toList());
        int recorded = 0;
        for (UsageRecord record : records) {
            if (!alreadyRecorded.contains(record.usageRecordId())) {
                commands.sendAndWait(new RecordUsageCommand(record.usageRecordId(), record.occurredAt(),
                        record.receivedAt(), record.source(), record.team(), record.personRef(), record.model(),
                        record.tokens()));
                recorded++;
            }
        }
        if (!alreadyRecorded.isEmpty()) {
            // Expected after a crash or a client retry; the count makes redeliveries visible to operators.
            LOG.info("skipped {} usage records already in the ledger (redelivered or retried)",
                    alreadyRecorded.size());
        }
        return recorded;
    }
}
