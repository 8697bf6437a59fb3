package dev.aispend.ingest.acceptance;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.identity.Attribution;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.kafka.BoundedSends;
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
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way into the ledger for every client format: an adapter turns its payload into submissions, and this
 * path applies the shared rules and limits, resolves identity through the directory (as of each use's time),
 * pseudonymizes, decides whether usage counts as spend (the configured {@link SourceOfTruth}), stamps the
 * arrival time and publishes, completing only when Kafka acknowledged every record (acks=all) or failing with
 * {@link BrokerUnavailableException} once its one deadline ({@code publishTimeout}) passed or a send failed.
 * Nothing of a refused request is published.
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
    private final AcceptanceMetrics metrics;

    public AcceptancePath(SubmissionRules rules, IdentityResolver identities, SourceOfTruth sourceOfTruth,
                          IntakePublisher publisher, TopicNames topics, Clock clock, Duration publishTimeout,
                          AcceptanceMetrics metrics) {
        this.rules = rules;
        this.identities = identities;
        this.sourceOfTruth = sourceOfTruth;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
    }

    public SubmissionRules rules() {
        return rules;
    }

    public CompletableFuture<Acceptance> acceptUsage(List<UsageSubmission> submissions, RecordAge age,
                                                     Admission admission, Locator locator) {
        Screened<UsageSubmission> screened = screen(submissions, admission, locator,
                (submission, index) -> rules.check(submission, age), UsageSubmission::id);
        Instant receivedAt = clock.instant();
        List<UsageRecord> records = attributed(screened.admitted(),
                usage -> new IdentityResolver.Subject(usage.subject(), usage.team(), usage.costCenter(),
                        usage.occurredAt()),
                (usage, attribution) -> toRecord(usage, attribution, receivedAt));
        int evidence = (int) records.stream().filter(record -> !record.countsAsSpend()).count();
        return published(records, record -> publisher.publishUsage(topics.usage(), record.team(), record),
                records.size() + " usage records",
                new Acceptance(records.stream().map(UsageRecord::usageRecordId).toList(), evidence,
                        screened.rejected(), screened.rejectedCount()))
                .thenApply(accepted -> counted(accepted, AcceptanceMetrics.USAGE, records, UsageRecord::source));
    }

    public CompletableFuture<Acceptance> acceptOutcomes(List<OutcomeSubmission> submissions, RecordAge age,
                                                        Admission admission, Locator locator) {
        Screened<OutcomeSubmission> screened = screen(submissions, admission, locator,
                (submission, index) -> rules.check(submission, age), OutcomeSubmission::id);
        Instant receivedAt = clock.instant();
        List<OutcomeRecord> records = attributed(screened.admitted(),
                outcome -> new IdentityResolver.Subject(outcome.subject(), outcome.team(), outcome.costCenter(),
                        outcome.occurredAt()),
                (outcome, attribution) -> toRecord(outcome, attribution, receivedAt));
        return published(records, record -> publisher.publishOutcome(topics.outcomes(), record.team(), record),
                records.size() + " outcomes",
                new Acceptance(records.stream().map(OutcomeRecord::outcomeId).toList(),
                        (int) records.stream().filter(record -> record.accounting() != null).count(),
                        screened.rejected(), screened.rejectedCount()))
                .thenApply(accepted -> counted(accepted, AcceptanceMetrics.OUTCOME, records, OutcomeRecord::source));
    }

    /** The records of {@code admitted}, each with its attribution; the whole request's lookups in one query. */
    private <S, R> List<R> attributed(List<S> admitted, Function<S, IdentityResolver.Subject> subjectOf,
                                      BiFunction<S, Attribution, R> toRecord) {
        List<Attribution> attributions = identities.resolveAll(admitted.stream().map(subjectOf).toList());
        List<R> records = new ArrayList<>(admitted.size());
        for (int index = 0; index < admitted.size(); index++) {
            records.add(toRecord.apply(admitted.get(index), attributions.get(index)));
        }
        return records;
    }

    private UsageRecord toRecord(UsageSubmission usage, Attribution attribution, Instant receivedAt) {
        UsageAccounting accounting = usage.evidenceOnly() ? UsageAccounting.EVIDENCE
                : sourceOfTruth.accountingOf(usage.source(), usage.provider(), attribution.team());
        return new UsageRecord(usage.id(), usage.occurredAt(), receivedAt, usage.source(), attribution.team(),
                attribution.personRef(), usage.model(), usage.tokens(), usage.provider(), attribution.costCenter(),
                usage.purpose(), usage.sessionId(), usage.requestId(), usage.reportedCostUsdMicros(),
                accounting == UsageAccounting.SPEND ? null : accounting, usage.attributes());
    }

    private OutcomeRecord toRecord(OutcomeSubmission outcome, Attribution attribution, Instant receivedAt) {
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

    /** Publishes under one deadline ({@link BoundedSends}); a failure is the 503 a client retries. */
    private <R> CompletableFuture<Acceptance> published(List<R> records, Function<R, CompletableFuture<?>> send,
                                                        String what, Acceptance acceptance) {
        return BoundedSends.sendAll(records, send, publishTimeout, clock)
                .handle((done, failure) -> {
                    if (failure != null) {
                        throw unavailable(what, failure instanceof CompletionException wrapped
                                && wrapped.getCause() != null ? wrapped.getCause() : failure);
                    }
                    return acceptance;
                });
    }

    private <R> Acceptance counted(Acceptance acceptance, String type, List<R> records, Function<R, String> sourceOf) {
        metrics.accepted(type, records, sourceOf);
        return acceptance;
    }

    private BrokerUnavailableException unavailable(String what, Throwable failure) {
        // Only counts are logged: submissions hold identities, which stay out of logs.
        LOG.warn("{} not acknowledged by Kafka within {}", what, publishTimeout, failure);
        return new BrokerUnavailableException(what, failure);
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
