package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.SubmissionPaths;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one provider page became: usage submissions and outcome submissions, where in the page each came from
 * ({@code data[0].results[3]}), our field names in the provider's words, and how many entries were skipped
 * (all zero). Built by a page mapper, accepted all or nothing by {@link ProviderImports}.
 */
public final class MappedPage {
    private final Map<String, String> fieldNames;
    private final List<UsageSubmission> usage = new ArrayList<>();
    private final List<String> usagePaths = new ArrayList<>();
    private final List<OutcomeSubmission> outcomes = new ArrayList<>();
    private final List<String> outcomePaths = new ArrayList<>();
    private int skipped;

    public MappedPage(Map<String, String> fieldNames) {
        this.fieldNames = Map.copyOf(fieldNames);
    }

    public void add(UsageSubmission submission, String path) {
        usage.add(submission);
        usagePaths.add(path);
    }

    public void add(OutcomeSubmission submission, String path) {
        outcomes.add(submission);
        outcomePaths.add(path);
    }

    public void skip() {
        skipped++;
    }

    /** The entry at {@code path} as a usage submission, or, when the mapper made none of it (all zero), skipped. */
    public void addOrSkip(@Nullable UsageSubmission submission, String path) {
        if (submission == null) {
            skip();
        } else {
            add(submission, path);
        }
    }

    public List<UsageSubmission> usage() {
        return List.copyOf(usage);
    }

    public List<OutcomeSubmission> outcomes() {
        return List.copyOf(outcomes);
    }

    public int skipped() {
        return skipped;
    }

    public SubmissionPaths usageLocator() {
        return new SubmissionPaths(usagePaths, fieldNames);
    }

    public SubmissionPaths outcomeLocator() {
        return new SubmissionPaths(outcomePaths, fieldNames);
    }
}
