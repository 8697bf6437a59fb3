package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.acceptance.Acceptance;
import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.RecordAge;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.SubmissionPaths;
import dev.aispend.platform.web.FieldError;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts a mapped provider page all or nothing, usage and outcomes together: the outcomes are checked against the
 * shared rules before any usage is published, so a page with one bad outcome publishes nothing (the acceptance
 * path checks each list before publishing it, but the two lists are published one after the other). Backfill
 * bounds apply (RecordAge.BACKFILL). Ids are deterministic, so a page retried after a 503 is recorded once.
 */
@Singleton
public final class ProviderImports {
    private final AcceptancePath acceptance;

    public ProviderImports(AcceptancePath acceptance) {
        this.acceptance = acceptance;
    }

    public CompletableFuture<ImportAccepted> accept(MappedPage page) {
        List<OutcomeSubmission> outcomes = page.outcomes();
        if (!outcomes.isEmpty()) {
            refuseBrokenOutcomes(outcomes, page);
        }
        return acceptance.acceptUsage(page.usage(), RecordAge.BACKFILL, Admission.ALL_OR_NOTHING,
                        page.usageLocator())
                .thenCompose(usage -> outcomesOf(outcomes, page)
                        .thenApply(accepted -> ImportAccepted.of(usage, accepted, page.skipped())));
    }

    private CompletableFuture<Acceptance> outcomesOf(List<OutcomeSubmission> outcomes, MappedPage page) {
        if (outcomes.isEmpty()) {
            return CompletableFuture.completedFuture(Acceptance.nothing());
        }
        return acceptance.acceptOutcomes(outcomes, RecordAge.BACKFILL, Admission.ALL_OR_NOTHING,
                page.outcomeLocator());
    }

    private void refuseBrokenOutcomes(List<OutcomeSubmission> outcomes, MappedPage page) {
        SubmissionRules rules = acceptance.rules();
        int max = rules.limits().maxBatchRecords();
        if (outcomes.size() > max) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "yields " + outcomes.size()
                    + " outcomes; at most " + max + " are taken per request (INGEST_MAX_BATCH_RECORDS): request "
                    + "smaller pages (limit)")));
        }
        SubmissionPaths locator = page.outcomeLocator();
        List<FieldError> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < outcomes.size(); index++) {
            List<FieldError> broken = new ArrayList<>(rules.check(outcomes.get(index), RecordAge.BACKFILL));
            if (broken.isEmpty() && !ids.add(outcomes.get(index).id())) {
                broken.add(new FieldError("id", "repeats the id of an earlier outcome in this page"));
            }
            for (FieldError violation : broken) {
                violations.add(new FieldError(locator.path(index, violation.field()), violation.message()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations.subList(0,
                    Math.min(violations.size(), AcceptancePath.MAX_REPORTED_VIOLATIONS)));
        }
    }
}
