package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A provider report paged by time bucket (Anthropic's usage and cost reports, OpenAI's usage and costs):
 * {@code data[i]} is a bucket with a start and an end, {@code data[i].results[j]} one entry of it. The walk is
 * here, once, so the four reports cannot drift apart in how they walk, skip and refuse: each entry becomes one
 * usage submission at {@code data[i].results[j]}, or is skipped when the report finds it all zero; reasons are
 * collected over the whole page and the page is refused once, naming every one (all or nothing). A bucket whose
 * end lies after now is refused (still filling: docs/integrations.md). A report says only how its buckets write
 * their bounds and what one entry is.
 */
public abstract class BucketedReport implements PageMapper {
    /** For a report that carries no personal values: keying one is a programming error, not a page's. */
    private static final IdentifyingRefs NO_PERSONAL_VALUES = (kind, value) -> {
        throw new IllegalStateException("this report was declared to carry no personal values, yet keys a " + kind);
    };

    private final String what;
    private final ReportSource source;
    private final Map<String, String> fieldNames;
    private final Bounds bounds;
    private final IdentifyingRefs refs;
    private final Clock clock;

    /** A bucket's bounds; either is null when it was refused (the page is then refused as a whole). */
    public record Bucket(@Nullable Instant start, @Nullable Instant end) {
    }

    /**
     * How a report writes its bucket bounds (RFC 3339 {@code starting_at}/{@code ending_at} at Anthropic, Unix
     * seconds {@code start_time}/{@code end_time} at OpenAI), reading the start first, then the end.
     *
     * @param endField the bucket's end field, named when the bucket is still filling
     */
    public record Bounds(String endField, Function<JsonFields, Bucket> reader) {
        Bucket read(JsonFields bucket) {
            return reader.apply(bucket);
        }
    }

    /**
     * @param what       the report, for the refusal of a body that is no page ("the Anthropic cost report")
     * @param fieldNames our field names in the report's words, for refusals by the acceptance path
     * @param refs       keys the personal values (account ids, API key ids) that take part in ids
     * @param clock      now, to refuse buckets still filling (ending after now)
     */
    protected BucketedReport(String what, ReportSource source, Map<String, String> fieldNames, Bounds bounds,
                             IdentifyingRefs refs, Clock clock) {
        this.what = what;
        this.source = source;
        this.fieldNames = Map.copyOf(fieldNames);
        this.bounds = bounds;
        this.refs = refs;
        this.clock = clock;
    }

    /** A report whose entries carry no personal values (a cost report: by workspace, model and token type). */
    protected BucketedReport(String what, ReportSource source, Map<String, String> fieldNames, Bounds bounds,
                             Clock clock) {
        this(what, source, fieldNames, bounds, NO_PERSONAL_VALUES, clock);
    }

    @Override
    public final MappedPage map(JsonNode page) {
        List<FieldError> violations = new ArrayList<>();
        MappedPage mapped = new MappedPage(fieldNames);
        for (JsonFields bucketFields : ProviderPage.data(page, what, violations)) {
            Bucket bucket = bounds.read(bucketFields);
            ProviderPage.requireClosed(bucketFields, bounds.endField(), bucket.end(), clock);
            for (JsonFields result : ProviderPage.objects(bucketFields, "results", violations)) {
                mapped.addOrSkip(entry(result, bucket), ProviderPage.pathOf(result));
            }
        }
        ProviderPage.refuseIfAny(violations);
        return mapped;
    }

    /** One entry of a bucket: its usage submission, or null to skip it (all zero). Reads refuse into result. */
    protected abstract @Nullable UsageSubmission entry(JsonFields result, Bucket bucket);

    /** Builds the report's submissions: its source and provider stamped on each. */
    protected final ReportSource source() {
        return source;
    }

    /** The keyed ref of a personal value for an id, or null when absent. */
    protected final @Nullable String ref(AliasKind kind, @Nullable String value) {
        return ProviderPage.ref(refs, kind, value);
    }
}
