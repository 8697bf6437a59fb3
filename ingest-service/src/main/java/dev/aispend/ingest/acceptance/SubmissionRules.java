package dev.aispend.ingest.acceptance;

import dev.aispend.ingest.identity.SubjectAliases;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every submission meets, whatever format it came in: one place, so a limit means the same for our
 * API, OTLP, LiteLLM and the provider imports. Each check names the field in our vocabulary ({@code inputTokens},
 * {@code occurredAt}); the adapter's {@link Locator} turns that into the path of its own format.
 */
public final class SubmissionRules {
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_ALIAS_LENGTH = 320;
    public static final int MAX_MODEL_LENGTH = 128;
    public static final int MAX_SESSION_ID_LENGTH = 128;
    public static final int MAX_REPOSITORY_LENGTH = 200;
    public static final int MAX_LABELS = 50;
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_EVIDENCE_ITEMS = 50;
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 256;
    /** Lines changed or things counted in one outcome: far above any real pull request, below overflow. */
    public static final long MAX_OUTCOME_QUANTITY = 1_000_000_000L;

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    public static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]*(:[A-Za-z0-9][A-Za-z0-9._-]*)?");
    public static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*");
    public static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    private final IngestLimits limits;
    private final Clock clock;

    public SubmissionRules(IngestLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public IngestLimits limits() {
        return limits;
    }

    /** Every rule {@code usage} breaks, in our field names; empty when it may be published. */
    public List<FieldError> check(UsageSubmission usage, RecordAge age) {
        List<FieldError> violations = new ArrayList<>();
        requireText("id", usage.id(), MAX_ID_LENGTH, ID, "letters, digits and . _ : -", violations);
        checkTime("occurredAt", usage.occurredAt(), age, violations);
        requireText("source", usage.source(), MAX_NAME_LENGTH, SOURCE,
                "a lower-case channel, optionally :client (e.g. api:my-gateway)", violations);
        checkSubject(usage.subject(), violations);
        optionalText("team", usage.team(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        optionalText("costCenter", usage.costCenter(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        optionalText("provider", usage.provider(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        requireText("model", usage.model(), MAX_MODEL_LENGTH, PRINTABLE, "no control characters", violations);
        optionalText("purpose", usage.purpose(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        optionalText("sessionId", usage.sessionId(), MAX_SESSION_ID_LENGTH, PRINTABLE, PRINTABLE_TEXT, violations);
        optionalText("requestId", usage.requestId(), MAX_SESSION_ID_LENGTH, PRINTABLE, PRINTABLE_TEXT, violations);
        checkTokens(usage.tokens(), age == RecordAge.BACKFILL ? limits.maxBackfillTokensPerRecord()
                : limits.maxTokensPerRecord(), violations);
        Long reported = usage.reportedCostUsdMicros();
        if (reported != null && (reported < 0 || reported > limits.maxReportedCostUsdMicros())) {
            violations.add(new FieldError("reportedCostUsdMicros", "must be within 0.."
                    + limits.maxReportedCostUsdMicros() + " USD micros, was " + reported));
        }
        checkAttributes(usage.attributes(), violations);
        EmailAddresses.refuseIn("model", usage.model(), violations);
        EmailAddresses.refuseIn("sessionId", usage.sessionId(), violations);
        EmailAddresses.refuseIn("requestId", usage.requestId(), violations);
        usage.attributes().forEach((key, value) -> EmailAddresses.refuseIn("attributes." + key, value, violations));
        return violations;
    }

    /** Every rule {@code outcome} breaks, in our field names; empty when it may be published. */
    public List<FieldError> check(OutcomeSubmission outcome, RecordAge age) {
        List<FieldError> violations = new ArrayList<>();
        requireText("id", outcome.id(), MAX_ID_LENGTH, ID, "letters, digits and . _ : -", violations);
        requireText("kind", outcome.kind(), MAX_NAME_LENGTH, KIND,
                "lower-case letters, digits and _ (e.g. pull_request_merged)", violations);
        checkTime("occurredAt", outcome.occurredAt(), age, violations);
        requireText("source", outcome.source(), MAX_NAME_LENGTH, SOURCE, "a lower-case channel", violations);
        checkSubject(outcome.subject(), violations);
        optionalText("team", outcome.team(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        optionalText("costCenter", outcome.costCenter(), MAX_NAME_LENGTH, NAME, NAME_TEXT, violations);
        optionalText("repository", outcome.repository(), MAX_REPOSITORY_LENGTH, PRINTABLE, PRINTABLE_TEXT,
                violations);
        checkQuantity("number", outcome.number(), 0, violations);
        checkQuantity("additions", outcome.additions(), 0, violations);
        checkQuantity("deletions", outcome.deletions(), 0, violations);
        checkQuantity("count", outcome.count(), 1, violations);
        checkList("labels", outcome.labels(), MAX_LABELS, MAX_LABEL_LENGTH, violations);
        checkList("aiAssistance.sessionIds", outcome.aiAssistance().sessionIds(), MAX_EVIDENCE_ITEMS,
                MAX_SESSION_ID_LENGTH, violations);
        checkList("aiAssistance.coAuthoredBy", outcome.aiAssistance().coAuthoredBy(), MAX_EVIDENCE_ITEMS,
                MAX_ALIAS_LENGTH, violations);
        // Not coAuthoredBy: its entries are agents' commit identities only (AgentIdentities), addresses included.
        EmailAddresses.refuseIn("repository", outcome.repository(), violations);
        EmailAddresses.refuseInEach("labels", outcome.labels(), violations);
        EmailAddresses.refuseInEach("aiAssistance.sessionIds", outcome.aiAssistance().sessionIds(), violations);
        return violations;
    }

    private static final String NAME_TEXT = "letters, digits and . _ - (starting with a letter or digit)";
    private static final String PRINTABLE_TEXT = "no control characters";

    private void checkTime(String field, @Nullable Instant value, RecordAge age, List<FieldError> violations) {
        if (value == null) {
            violations.add(new FieldError(field, "is required"));
            return;
        }
        Instant now = clock.instant();
        Duration maxAge = age == RecordAge.BACKFILL ? limits.maxBackfillAge() : limits.maxRecordAge();
        if (value.isAfter(now.plus(limits.maxClockSkew()))) {
            violations.add(new FieldError(field, "lies more than " + limits.maxClockSkew().toSeconds()
                    + " s in the future (" + value + ")"));
        } else if (value.isBefore(now.minus(maxAge))) {
            violations.add(new FieldError(field, "lies more than " + maxAge.toDays() + " days in the past ("
                    + value + "; " + (age == RecordAge.BACKFILL ? "INGEST_MAX_BACKFILL_AGE" : "INGEST_MAX_RECORD_AGE")
                    + ")"));
        }
    }

    private static void checkSubject(SubjectAliases subject, List<FieldError> violations) {
        for (SubjectAliases.Alias alias : subject.given()) {
            optionalText(alias.kind().wireName(), alias.value(), MAX_ALIAS_LENGTH, PRINTABLE, PRINTABLE_TEXT,
                    violations);
        }
    }

    private static void checkTokens(@Nullable TokenCounts tokens, long max, List<FieldError> violations) {
        if (tokens == null) {
            violations.add(new FieldError("tokens", "are required"));
            return;
        }
        String[] names = {"inputTokens", "outputTokens", "cacheReadTokens", "cacheWrite5mTokens",
            "cacheWrite1hTokens", "reasoningTokens"};
        long[] counts = {tokens.inputTokens(), tokens.outputTokens(), tokens.cacheReadTokens(),
            tokens.cacheWrite5mTokens(), tokens.cacheWrite1hTokens(), tokens.reasoningTokens()};
        long total = 0;
        for (int index = 0; index < counts.length; index++) {
            if (counts[index] > max) {
                violations.add(new FieldError(names[index], "exceeds the limit of " + max + " tokens per record"));
                return;
            }
            total += counts[index]; // Each is at most max (a long under 2^62 by configuration), so no overflow.
        }
        if (total > max) {
            violations.add(new FieldError("inputTokens", "all token counts together (" + total
                    + ") exceed the limit of " + max + " tokens per record"));
        }
    }

    private void checkAttributes(Map<String, String> attributes, List<FieldError> violations) {
        if (attributes.size() > limits.maxAttributes()) {
            violations.add(new FieldError("attributes", "may hold at most " + limits.maxAttributes()
                    + " entries, had " + attributes.size()));
            return;
        }
        attributes.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH || !NAME.matcher(key).matches()) {
                violations.add(new FieldError("attributes." + key, "keys are 1.." + MAX_ATTRIBUTE_KEY_LENGTH
                        + " " + NAME_TEXT));
            } else if (value == null || value.length() > MAX_ATTRIBUTE_VALUE_LENGTH
                    || (!value.isEmpty() && !PRINTABLE.matcher(value).matches())) {
                violations.add(new FieldError("attributes." + key, "values are strings of at most "
                        + MAX_ATTRIBUTE_VALUE_LENGTH + " characters without control characters"));
            }
        });
    }

    private static void checkQuantity(String field, @Nullable Long value, long minimum,
                                      List<FieldError> violations) {
        if (value != null && (value < minimum || value > MAX_OUTCOME_QUANTITY)) {
            violations.add(new FieldError(field, "must be within " + minimum + ".." + MAX_OUTCOME_QUANTITY
                    + ", was " + value));
        }
    }

    private static void checkList(String field, List<String> values, int maxItems, int maxLength,
                                  List<FieldError> violations) {
        if (values.size() > maxItems) {
            violations.add(new FieldError(field, "may hold at most " + maxItems + " items, had " + values.size()));
            return;
        }
        for (int index = 0; index < values.size(); index++) {
            optionalText(field + "[" + index + "]", values.get(index), maxLength, PRINTABLE, PRINTABLE_TEXT,
                    violations);
        }
    }

    private static void requireText(String field, @Nullable String value, int maxLength, Pattern allowed,
                                    String allowedText, List<FieldError> violations) {
        if (value == null) {
            violations.add(new FieldError(field, "is required"));
            return;
        }
        optionalText(field, value, maxLength, allowed, allowedText, violations);
    }

    private static void optionalText(String field, @Nullable String value, int maxLength, Pattern allowed,
                                     String allowedText, List<FieldError> violations) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            violations.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (!allowed.matcher(value).matches()) {
            violations.add(new FieldError(field, "may contain only " + allowedText));
        }
    }
}
