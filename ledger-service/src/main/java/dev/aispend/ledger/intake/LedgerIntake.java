package dev.aispend.ledger.intake;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.PersonReidentified;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.api.ChangePolicyCommand;
import dev.aispend.ledger.append.AppendContext;
import dev.aispend.ledger.append.AppendContext.IdempotencyKey;
import dev.aispend.ledger.append.AppendStore;
import dev.aispend.ledger.append.LedgerAppender;
import dev.aispend.ledger.command.PolicyAggregate;
import dev.aispend.platform.kafka.BatchHandler;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records a polled batch of the intake topics (usage.v1, outcomes.v1, policy-changes.v1, decisions.v1,
 * identity.v1: directory links and re-identifications) in ONE database transaction, in delivery order. Each record
 * is keyed (kind, id): a key already in the ledger with the same content is a redelivery or a retry and is skipped,
 * which with at-least-once delivery gives exactly-once recording; with other content, usage is flagged as a
 * conflict (UsageIntake's rule, ADR 0006) and any other kind is quarantined for an operator, never recorded twice. Undecodable messages, decisions out of
 * bounds ({@link DecisionLimits}) and decisions triggered by a position the ledger does not hold are quarantined.
 * Kafka offsets are committed by the loop only after this transaction committed.
 */
@Singleton
public final class LedgerIntake implements BatchHandler {
    static final String USAGE = "usage";
    static final String OUTCOME = "outcome";
    static final String POLICY_CHANGE = "policy-change";
    static final String DECISION = "decision";
    static final String IDENTITY = "identity";
    static final String REIDENTIFICATION = "reidentification";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerIntake.class);

    private final IntakeDecoder decoder;
    private final AppendStore store;
    private final LedgerAppender appender;
    private final UsageIntake usage;
    private final IntakeMetrics metrics;

    LedgerIntake(IntakeDecoder decoder, AppendStore store, LedgerAppender appender, UsageIntake usage,
                 IntakeMetrics metrics) {
        this.decoder = decoder;
        this.store = store;
        this.appender = appender;
        this.usage = usage;
        this.metrics = metrics;
    }

    public List<String> topics() {
        return decoder.topics();
    }

    @Override
    public void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        long startedNanos = System.nanoTime();
        IntakeMetrics.Counts counts;
        try {
            counts = appendBatch(decoder.decode(batch));
        } catch (Exception failure) {
            if (!DataRefusal.isCause(failure)) {
                throw failure;
            }
            // One record the database refuses (a value longer than its column, text JSONB cannot hold, a time
            // out of range) must not stop every intake topic: find it by recording the batch one by one.
            LOG.warn("the database refused a batch of {} records; recording them one at a time", batch.size(),
                    failure);
            counts = appendOneByOne(batch);
        }
        // Counted after the commit only, so a rolled-back and retried batch is not counted twice.
        metrics.count(counts, batch.size(), System.nanoTime() - startedNanos);
    }

    private IntakeMetrics.Counts appendBatch(DecodedBatch decoded) throws Exception {
        return appender.append(context -> {
            IntakeMetrics.Counts batchCounts = new IntakeMetrics.Counts();
            Map<String, Map<String, String>> recorded = recordedHashes(decoded.records());
            for (DecodedBatch.Decoded record : decoded.records()) {
                accept(context, record, recorded, batchCounts);
            }
            for (DecodedBatch.Undecodable undecodable : decoded.undecodable()) {
                LOG.error("quarantined undecodable message {}-{}@{}: {}", undecodable.message().topic(),
                        undecodable.message().partition(), undecodable.message().offset(), undecodable.reason());
                store.quarantine(undecodable.message(), undecodable.reason());
                batchCounts.quarantined++;
            }
            return batchCounts;
        });
    }

    /**
     * Each message in its own transaction, in delivery order; one the database refuses on its own is
     * quarantined with the database's reason, in a transaction of its own. Records committed before a failure
     * of another kind are redelivered with the batch and skipped then as repeats.
     */
    private IntakeMetrics.Counts appendOneByOne(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        IntakeMetrics.Counts total = new IntakeMetrics.Counts();
        for (ConsumerRecord<String, byte[]> message : batch) {
            IntakeMetrics.Counts single;
            try {
                single = appendBatch(decoder.decode(List.of(message)));
            } catch (Exception failure) {
                if (!DataRefusal.isCause(failure)) {
                    throw failure;
                }
                String reason = "refused by the database: " + DataRefusal.describe(failure);
                LOG.error("quarantined message {}-{}@{}: {}", message.topic(), message.partition(),
                        message.offset(), reason);
                appender.append(context -> {
                    store.quarantine(message, reason);
                    return null;
                });
                single = new IntakeMetrics.Counts();
                single.quarantined = 1;
            }
            total.add(single);
        }
        return total;
    }

    /** One query per kind: the content hash of every key of the batch the ledger has already recorded. */
    private Map<String, Map<String, String>> recordedHashes(List<DecodedBatch.Decoded> records) throws Exception {
        Map<String, Set<String>> keysByKind = new HashMap<>();
        for (DecodedBatch.Decoded record : records) {
            keysByKind.computeIfAbsent(kindOf(record.record()), kind -> new LinkedHashSet<>())
                    .add(keyOf(record.record()));
        }
        Map<String, Map<String, String>> recorded = new HashMap<>();
        for (Map.Entry<String, Set<String>> kind : keysByKind.entrySet()) {
            recorded.put(kind.getKey(), store.recordedContentHashes(kind.getKey(), kind.getValue()));
        }
        return recorded;
    }

    private void accept(AppendContext context, DecodedBatch.Decoded decoded,
                        Map<String, Map<String, String>> recordedByKind, IntakeMetrics.Counts counts)
            throws Exception {
        Object record = decoded.record();
        String kind = kindOf(record);
        String key = keyOf(record);
        String content = record instanceof UsageRecord usageRecord
                ? UsageContentHash.of(usageRecord) : ContentHash.of(kind, record);
        if (record instanceof PolicyDecision decision && triggeredBeyondTheLedger(context, decision)) {
            String reason = "decision " + key + " names trigger position " + decision.triggerPosition()
                    + ", beyond the ledger's last position " + lastPosition(context) + "; kept here, not recorded";
            LOG.warn("quarantined {}", reason);
            store.quarantine(decoded.message(), reason);
            counts.quarantined++;
            return;
        }
        Map<String, String> recorded = recordedByKind.computeIfAbsent(kind, unused -> new HashMap<>());
        String recordedContent = recorded.putIfAbsent(key, content);
        if (recordedContent != null) {
            repeated(context, decoded, kind, key, recordedContent, content, counts);
            return;
        }
        IdempotencyKey idempotencyKey = new IdempotencyKey(kind, key, content);
        if (record instanceof UsageRecord usageRecord) {
            usage.record(context, usageRecord, idempotencyKey);
        } else if (record instanceof OutcomeRecord outcome) {
            context.publish(OutcomeRecorded.of(outcome, content), idempotencyKey);
        } else if (record instanceof PolicyChangeRequest change) {
            context.sendDeciding(new ChangePolicyCommand(PolicyAggregate.identifierOf(change.policyId()), change,
                    content), idempotencyKey);
        } else if (record instanceof PolicyDecision decision) {
            context.publish(PolicyDecisionRecorded.of(decision, content), idempotencyKey);
        } else if (record instanceof IdentityLink link) {
            context.publish(IdentityLinked.of(link, content), idempotencyKey);
        } else if (record instanceof Reidentification act) {
            context.publish(PersonReidentified.of(act, content), idempotencyKey);
        } else {
            throw new IllegalStateException("no intake for " + record.getClass());
        }
        counts.recorded++;
    }

    /**
     * A decision is derived from ledger entries, so the entry that triggered it is one the ledger holds: a later
     * position means the sender read another ledger, or invented it, and recording it would make the decision
     * unverifiable.
     */
    private static boolean triggeredBeyondTheLedger(AppendContext context, PolicyDecision decision) {
        return decision.triggerPosition() != null && decision.triggerPosition() > lastPosition(context);
    }

    /** The last position of the ledger as this transaction sees it, its own appends so far included. */
    private static long lastPosition(AppendContext context) {
        return context.headBefore() + context.appendedCount();
    }

    private void repeated(AppendContext context, DecodedBatch.Decoded decoded, String kind, String key,
                          String recordedContent, String content, IntakeMetrics.Counts counts) throws Exception {
        if (recordedContent.equals(content)) {
            counts.repeated++;
            return;
        }
        counts.conflicting++;
        if (decoded.record() instanceof UsageRecord usageRecord) {
            usage.flagConflict(context, usageRecord, content);
            return;
        }
        String reason = kind + " " + key + " came again with other content (recorded " + recordedContent
                + ", now " + content + "); kept here, not recorded";
        LOG.warn("quarantined {}", reason);
        store.quarantine(decoded.message(), reason);
    }

    static String kindOf(Object record) {
        if (record instanceof UsageRecord) {
            return USAGE;
        } else if (record instanceof OutcomeRecord) {
            return OUTCOME;
        } else if (record instanceof PolicyChangeRequest) {
            return POLICY_CHANGE;
        } else if (record instanceof PolicyDecision) {
            return DECISION;
        } else if (record instanceof IdentityLink) {
            return IDENTITY;
        } else if (record instanceof Reidentification) {
            return REIDENTIFICATION;
        }
        throw new IllegalStateException("no idempotency kind for " + record.getClass());
    }

    static String keyOf(Object record) {
        if (record instanceof UsageRecord usageRecord) {
            return usageRecord.usageRecordId();
        } else if (record instanceof OutcomeRecord outcome) {
            return outcome.outcomeId();
        } else if (record instanceof PolicyChangeRequest change) {
            return change.requestId();
        } else if (record instanceof PolicyDecision decision) {
            return decision.decisionId();
        } else if (record instanceof IdentityLink link) {
            return link.linkId();
        } else if (record instanceof Reidentification act) {
            return act.reidentificationId();
        }
        throw new IllegalStateException("no idempotency key for " + record.getClass());
    }
}
