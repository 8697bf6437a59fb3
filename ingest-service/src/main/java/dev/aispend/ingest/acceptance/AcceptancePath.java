package dev.aispend.ingest.acceptance;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.identity.Attribution;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.web.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one way into the ledger for every client format: an adapter turns its payload into submissions, and this
 * path applies the shared rules and limits, resolves identity through the directory (as of each use's time),
 * pseudonymizes, decides whether usage counts as spend (the configured {@link SourceOfTruth}), stamps the
 * arrival time and publishes, completing only when Kafka acknowledged every record (acks=all) or failing with
 * {@link BrokerUnavailableException} after the bounded wait. Nothing of a refused request is published.
 */
public final class AcceptancePath {
    /** At most this many reasons in one answer: enough to fix a batch, small enough to read and to send. */
    public static final int MAX_REPORTED_VIOLATIONS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AcceptancePath.class);

    private final SubmissionRules rules;
    private final IdentityResolver identities;
    private final SourceOfTruth sourceOfTruth;
    private final IntakePublisher publisher;
    private final TopicNames topics;
    private final Clock clock;
    private final Duration publishTimeout;

    public AcceptancePath(SubmissionRules rules, IdentityResolver identities, SourceOfTruth sourceOfTruth,
                          IntakePublisher publisher, TopicNames topics, Clock clock, Duration publishTimeout) {
        this.rules = rules;
        this.identities = identities;
        this.sourceOfTruth = sourceOfTruth;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
    }

    public SubmissionRules rules() {
        return rules;
    }

    public CompletableFuture<Acceptance> acceptUsage(List<UsageSubmission> submissions, RecordAge age,
                                                     Admission admission, Locator locator) {
        Screened<UsageSubmission> screened = screen(submissions, admission, locator,
                (submission, index) -> rules.check(submission, age), UsageSubmission::id);
        Instant receivedAt = clock.instant();
        List<UsageRecord> records = screened.admitted().stream().map(usage -> toRecord(usage, receivedAt)).toList();
        int evidence = (int) records.stream().filter(record -> !record.countsAsSpend()).count();
        CompletableFuture<?>[] acknowledgements = records.stream()
                .map(record -> sent(() -> publisher.publishUsage(topics.usage(), record.team(), record)))
                .toArray(CompletableFuture[]::new);
        return acknowledged(acknowledgements, records.size() + " usage records",
                new Acceptance(records.stream().map(UsageRecord::usageRecordId).toList(), evidence,
                        screened.rejected(), screened.rejectedCount()));
    }

    public CompletableFuture<Acceptance> acceptOutcomes(List<OutcomeSubmission> submissions, RecordAge age,
                                                        Admission admission, Locator locator) {
        Screened<OutcomeSubmission> screened = screen(submissions, admission, locator,
                (submission, index) -> rules.check(submission, age), OutcomeSubmission::id);
        Instant receivedAt = clock.instant();
        List<OutcomeRecord> records = screened.admitted().stream()
                .map(outcome -> toRecord(outcome, receivedAt)).toList();
        CompletableFuture<?>[] acknowledgements = records.stream()
                .map(record -> sent(() -> publisher.publishOutcome(topics.outcomes(), record.team(), record)))
                .toArray(CompletableFuture[]::new);
        return acknowledged(acknowledgements, records.size() + " outcomes",
                new Acceptance(records.stream().map(OutcomeRecord::outcomeId).toList(), 0, screened.rejected(),
                        screened.rejectedCount()));
    }

    private UsageRecord toRecord(UsageSubmission usage, Instant receivedAt) {
        Attribution attribution = identities.resolve(usage.subject(), usage.team(), usage.costCenter(),
                usage.occurredAt());
        UsageAccounting accounting = usage.evidenceOnly() ? UsageAccounting.EVIDENCE
                : sourceOfTruth.accountingOf(usage.source(), usage.provider(), attribution.team());
        return new UsageRecord(usage.id(), usage.occurredAt(), receivedAt, usage.source(), attribution.team(),
                attribution.personRef(), usage.model(), usage.tokens(), usage.provider(), attribution.costCenter(),
                usage.purpose(), usage.sessionId(), usage.requestId(), usage.reportedCostUsdMicros(),
                accounting == UsageAccounting.SPEND ? null : accounting, usage.attributes());
    }

    private OutcomeRecord toRecord(OutcomeSubmission outcome, Instant receivedAt) {
        Attribution attribution = identities.resolve(outcome.subject(), outcome.team(), outcome.costCenter(),
                outcome.occurredAt());
        // Null for a counted outcome: the form outcomes had before the field existed, so their hashes stay.
        UsageAccounting accounting = sourceOfTruth.outcomeAccountingOf(outcome.source());
        return new OutcomeRecord(outcome.id(), outcome.kind(), outcome.occurredAt(), receivedAt, outcome.source(),
                attribution.personRef(), attribution.team(), attribution.costCenter(), outcome.repository(),
                outcome.number(), outcome.additions(), outcome.deletions(), outcome.labels(),
                outcome.aiAssistance(), outcome.count(), accounting == UsageAccounting.SPEND ? null : accounting);
    }

    private <T> Screened<T> screen(List<T> submissions, Admission admission, Locator locator,
                                   BiFunction<T, Integer, List<FieldError>> check,
                                   java.util.function.Function<T, String> idOf) {
        int max = rules.limits().maxBatchRecords();
        if (submissions.size() > max) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "carries " + submissions.size()
                    + " records; at most " + max + " are taken per request (INGEST_MAX_BATCH_RECORDS)")));
        }
        List<T> admitted = new ArrayList<>(submissions.size());
        List<FieldError> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int rejectedCount = 0;
        for (int index = 0; index < submissions.size(); index++) {
            T submission = submissions.get(index);
            List<FieldError> broken = new ArrayList<>(check.apply(submission, index));
            String id = idOf.apply(submission);
            if (broken.isEmpty() && !ids.add(id)) {
                broken.add(new FieldError("id", "repeats the id of an earlier record in this request"));
            }
            if (broken.isEmpty()) {
                admitted.add(submission);
                continue;
            }
            rejectedCount++;
            for (FieldError violation : broken) {
                violations.add(new FieldError(locator.path(index, violation.field()), violation.message()));
            }
        }
        if (admission == Admission.ALL_OR_NOTHING && !violations.isEmpty()) {
            throw new InvalidSubmissionException(capped(violations));
        }
        return new Screened<>(admitted, capped(violations), rejectedCount);
    }

    /** The send's future; a send that fails before it returns one (no broker metadata in time) is a failed one. */
    private static CompletableFuture<?> sent(Supplier<CompletableFuture<?>> send) {
        try {
            return send.get();
        } catch (RuntimeException failedToSend) {
            return CompletableFuture.failedFuture(failedToSend);
        }
    }

    private CompletableFuture<Acceptance> acknowledged(CompletableFuture<?>[] acknowledgements, String what,
                                                       Acceptance acceptance) {
        return CompletableFuture.allOf(acknowledgements)
                .orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        // Only counts are logged: submissions hold identities, which stay out of logs.
                        LOG.warn("{} not acknowledged by Kafka within {}", what, publishTimeout, failure);
                        throw new BrokerUnavailableException(what, failure);
                    }
                    return acceptance;
                });
    }

    private static List<FieldError> capped(List<FieldError> violations) {
        if (violations.size() <= MAX_REPORTED_VIOLATIONS) {
            return violations;
        }
        List<FieldError> first = new ArrayList<>(violations.subList(0, MAX_REPORTED_VIOLATIONS));
        first.add(new FieldError(null, (violations.size() - MAX_REPORTED_VIOLATIONS) + " more reasons not shown"));
        return first;
    }

    private record Screened<T>(List<T> admitted, List<FieldError> rejected, int rejectedCount) {
    }
}
