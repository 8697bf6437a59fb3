package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.acceptance.Acceptance;
import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.RecordAge;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.otlp.mapping.MappedExport;
import dev.aispend.ingest.source.otlp.mapping.Submission;
import dev.aispend.ingest.source.otlp.series.JdbcSeriesStore;
import dev.aispend.ingest.source.otlp.series.PointIncreases;
import dev.aispend.ingest.source.otlp.series.SeriesState;
import dev.aispend.platform.web.FieldError;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hands a mapped OTLP export to the acceptance path, in one transaction: lock the cumulative series the export
 * touches, compute each point's increase, save the series' new last points, publish everything (usage and
 * outcomes, PARTIAL: good items go on, bad ones are reported) and wait for Kafka's acknowledgement; the
 * transaction commits only then. When Kafka does not acknowledge, it rolls back, so the client's retry computes
 * the same increases under the same ids. Blocks its thread: call it from a blocking executor.
 */
@Singleton
public class OtlpIntake {
    private final JdbcSeriesStore series;
    private final AcceptancePath acceptance;
    private final int maxItemsPerRequest;

    public OtlpIntake(JdbcSeriesStore series, AcceptancePath acceptance, OtlpConfiguration configuration) {
        this.series = series;
        this.acceptance = acceptance;
        this.maxItemsPerRequest = configuration.maxItemsPerRequest();
    }

    /** @param itemsName "data points", "log records" or "spans", for the answer's words */
    @Transactional
    public ExportResult export(MappedExport export, String itemsName) {
        checkBounds(export, itemsName, maxItemsPerRequest, acceptance.rules().limits().maxBatchRecords());
        Map<String, SeriesState> last = series.lock(PointIncreases.seriesOf(export.points()));
        PointIncreases.Resolved resolved = PointIncreases.resolve(export.points(), last);
        series.save(resolved.changed());
        List<Submission> submissions = new ArrayList<>(export.ready());
        submissions.addAll(resolved.submissions());
        Split split = Split.of(submissions);
        CompletableFuture<Acceptance> usage = split.usage().isEmpty()
                ? CompletableFuture.completedFuture(Acceptance.nothing())
                : acceptance.acceptUsage(split.usage(), RecordAge.LIVE, Admission.PARTIAL,
                OtlpFields.locator(split.usageLocations()));
        CompletableFuture<Acceptance> outcomes = split.outcomes().isEmpty()
                ? CompletableFuture.completedFuture(Acceptance.nothing())
                : acceptance.acceptOutcomes(split.outcomes(), RecordAge.LIVE, Admission.PARTIAL,
                OtlpFields.locator(split.outcomeLocations()));
        return ExportResult.of(itemsName, export.refused(), acknowledged(usage), acknowledged(outcomes));
    }

    /**
     * Refuses (400) an export with more items than one request may carry ({@code maxItems}, used or ignored) or
     * with more items to record than one batch ({@code maxRecords}: points of counted metrics, mapped log records
     * and spans). Points of metrics we ignore count only against the first, so an SDK that also exports its
     * runtime metrics is not refused for them. Checked before any series is locked.
     */
    static void checkBounds(MappedExport export, String itemsName, int maxItems, int maxRecords) {
        if (export.items() > maxItems) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "carries " + export.items() + " "
                    + itemsName + "; at most " + maxItems + " are read per request "
                    + "(INGEST_OTLP_MAX_ITEMS_PER_REQUEST): lower the exporter's batch size")));
        }
        if (export.mapped() > maxRecords) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "carries " + export.mapped() + " "
                    + itemsName + " to record; at most " + maxRecords + " are recorded per request "
                    + "(INGEST_MAX_BATCH_RECORDS): lower the exporter's batch size")));
        }
    }

    private static Acceptance acknowledged(CompletableFuture<Acceptance> accepted) {
        try {
            return accepted.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause; // BrokerUnavailableException: 503 with Retry-After, and the transaction rolls back.
            }
            throw failed;
        }
    }

    /** Usage and outcomes apart (two topics), each with its items' locations, in the export's order. */
    private record Split(List<UsageSubmission> usage, List<String> usageLocations, List<OutcomeSubmission> outcomes,
                         List<String> outcomeLocations) {
        static Split of(List<Submission> submissions) {
            Split split = new Split(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Submission submission : submissions) {
                if (submission instanceof Submission.Usage used) {
                    split.usage().add(used.usage());
                    split.usageLocations().add(used.location());
                } else if (submission instanceof Submission.Outcome outcome) {
                    split.outcomes().add(outcome.outcome());
                    split.outcomeLocations().add(outcome.location());
                }
            }
            return split;
        }
    }
}
