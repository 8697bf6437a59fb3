package dev.aispend.ingest.usage;

import dev.aispend.platform.web.FieldError;
import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON body of {@code POST /v1/usage} into a {@link UsageSubmission}, or refuses it naming every bad
 * field at once. Unknown fields are refused too: a misspelt optional token count would otherwise be read as
 * zero and the spend silently lost.
 */
public final class UsageSubmissionParser {
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEAM_LENGTH = 64;
    public static final int MAX_PERSON_LENGTH = 320;
    public static final int MAX_MODEL_LENGTH = 128;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final List<String> REQUIRED_TOKEN_FIELDS = List.of("inputTokens", "outputTokens");
    private static final List<String> OPTIONAL_TOKEN_FIELDS = List.of("cacheReadTokens", "cacheWrite5mTokens",
            "cacheWrite1hTokens", "reasoningTokens");
    private static final Set<String> KNOWN_FIELDS = Set.of("id", "occurredAt", "team", "person", "model",
            "inputTokens", "outputTokens", "cacheReadTokens", "cacheWrite5mTokens", "cacheWrite1hTokens",
            "reasoningTokens");

    /** At most this many reasons in one answer: enough to fix a batch, small enough to read and to send. */
    public static final int MAX_REPORTED_VIOLATIONS = 100;
    /** Upper bound for the configurable batch limit: a batch is published and acknowledged as one request. */
    public static final int MAX_BATCH_RECORDS_LIMIT = 10_000;

    private final long maxTokensPerRecord;
    private final Duration maxClockSkew;
    private final Duration maxRecordAge;
    private final int maxBatchRecords;
    private final Clock clock;

    /**
     * @param maxRecordAge how far in the past an occurredAt may lie: older usage is a client's clock or unit gone
     *                     wrong (0001-01-01, seconds taken for milliseconds), not spend to count
     */
    public UsageSubmissionParser(long maxTokensPerRecord, Duration maxClockSkew, Duration maxRecordAge,
                                 int maxBatchRecords, Clock clock) {
        if (maxTokensPerRecord < 1) {
            throw new IllegalArgumentException("maxTokensPerRecord must be positive");
        }
        if (maxBatchRecords < 1 || maxBatchRecords > MAX_BATCH_RECORDS_LIMIT) {
            throw new IllegalArgumentException("maxBatchRecords must be within 1.." + MAX_BATCH_RECORDS_LIMIT);
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
        this.maxTokensPerRecord = maxTokensPerRecord;
        if (maxRecordAge.isNegative() || maxRecordAge.isZero()) {
            throw new IllegalArgumentException("maxRecordAge must be positive");
        }
        this.maxClockSkew = maxClockSkew;
        this.maxRecordAge = maxRecordAge;
        this.maxBatchRecords = maxBatchRecords;
        this.clock = clock;
    }

    /**
     * The body of {@code POST /v1/usage/batch}: {@code {"records": [...]}}, each element a usage record under the
     * same rules as {@link #parse}. All or nothing: any bad record refuses the batch, each reason naming
     * {@code records[i].field}.
     */
    public List<UsageSubmission> parseBatch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$",
                    "must be a JSON object with a records array")));
        }
        List<FieldError> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (!"records".equals(entry.getKey())) {
                violations.add(new FieldError(entry.getKey(), "is not a field of a usage batch"));
            }
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            violations.add(new FieldError("records", "is required: an array of usage records"));
        } else if (records.size() == 0) {
            violations.add(new FieldError("records", "must hold at least one record"));
        } else if (records.size() > maxBatchRecords) {
            violations.add(new FieldError("records", "may hold at most " + maxBatchRecords
                    + " records per request, had " + records.size()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        List<UsageSubmission> submissions = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                submissions.add(parse(records.get(index)));
            } catch (InvalidSubmissionException invalid) {
                for (FieldError violation : invalid.violations()) {
                    violations.add(new FieldError(elementPath(index, violation.field()), violation.message()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(capped(violations));
        }
        return submissions;
    }

    private static String elementPath(int index, String field) {
        return "$".equals(field) ? "records[" + index + "]" : "records[" + index + "]." + field;
    }

    private static List<FieldError> capped(List<FieldError> violations) {
        if (violations.size() <= MAX_REPORTED_VIOLATIONS) {
            return violations;
        }
        List<FieldError> first = new ArrayList<>(violations.subList(0, MAX_REPORTED_VIOLATIONS));
        first.add(new FieldError(null, (violations.size() - MAX_REPORTED_VIOLATIONS) + " more reasons not shown"));
        return first;
    }

    public UsageSubmission parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "must be a JSON object")));
        }
        List<FieldError> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (!KNOWN_FIELDS.contains(entry.getKey())) {
                violations.add(new FieldError(entry.getKey(), "is not a field of a usage record"));
            }
        }
        String id = text(body, "id", MAX_ID_LENGTH, ID, "letters, digits and . _ : -", violations);
        Instant occurredAt = instant(body, "occurredAt", violations);
        String team = text(body, "team", MAX_TEAM_LENGTH, TEAM,
                "letters, digits and . _ - (starting with a letter or digit)", violations);
        String person = text(body, "person", MAX_PERSON_LENGTH, PRINTABLE, "no control characters", violations);
        String model = text(body, "model", MAX_MODEL_LENGTH, PRINTABLE, "no control characters", violations);
        long[] counts = new long[REQUIRED_TOKEN_FIELDS.size() + OPTIONAL_TOKEN_FIELDS.size()];
        int index = 0;
        for (String field : REQUIRED_TOKEN_FIELDS) {
            counts[index++] = tokenCount(body, field, true, violations);
        }
        for (String field : OPTIONAL_TOKEN_FIELDS) {
            counts[index++] = tokenCount(body, field, false, violations);
        }
        if (violations.isEmpty()) {
            checkTotal(counts, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        TokenCounts tokens = new TokenCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        return new UsageSubmission(id, occurredAt, team, person, model, tokens);
    }

    private void checkTotal(long[] counts, List<FieldError> violations) {
        long total = 0;
        for (long count : counts) {
            total += count; // Each count is at most maxTokensPerRecord, so six of them cannot overflow a long.
        }
        if (total > maxTokensPerRecord) {
            violations.add(new FieldError("inputTokens", "all token counts together (" + total
                    + ") exceed the limit of " + maxTokensPerRecord + " tokens per record"));
        }
    }

    private static String text(JsonNode body, String field, int maxLength, Pattern allowed, String allowedText,
                               List<FieldError> violations) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            violations.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isString()) {
            violations.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.getStringValue().strip();
        if (value.isEmpty()) {
            violations.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (!allowed.matcher(value).matches()) {
            violations.add(new FieldError(field, "may contain only " + allowedText));
        }
        return value;
    }

    private Instant instant(JsonNode body, String field, List<FieldError> violations) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            violations.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isString()) {
            violations.add(new FieldError(field, "must be an ISO-8601 timestamp string"));
            return null;
        }
        try {
            Instant value = OffsetDateTime.parse(node.getStringValue()).toInstant();
            if (value.isAfter(clock.instant().plus(maxClockSkew))) {
                violations.add(new FieldError(field, "lies more than " + maxClockSkew.toSeconds()
                        + " s in the future"));
            } else if (value.isBefore(clock.instant().minus(maxRecordAge))) {
                violations.add(new FieldError(field, "lies more than " + maxRecordAge.toDays()
                        + " days in the past (INGEST_MAX_RECORD_AGE)"));
            }
            return value;
        } catch (DateTimeParseException unparsable) {
            violations.add(new FieldError(field,
                    "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-22T10:15:30Z"));
            return null;
        }
    }

    private long tokenCount(JsonNode body, String field, boolean required, List<FieldError> violations) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new FieldError(field, "is required"));
            }
            return 0;
        }
        if (!node.isNumber()) {
            violations.add(new FieldError(field, "must be a whole number"));
            return 0;
        }
        BigInteger value = wholeNumber(node.getNumberValue());
        if (value == null) {
            violations.add(new FieldError(field, "must be a whole number"));
            return 0;
        }
        if (value.signum() < 0) {
            violations.add(new FieldError(field, "must not be negative"));
            return 0;
        }
        if (value.compareTo(BigInteger.valueOf(maxTokensPerRecord)) > 0) {
            violations.add(new FieldError(field, "exceeds the limit of " + maxTokensPerRecord
                    + " tokens per record"));
            return 0;
        }
        return value.longValueExact();
    }

    /** The number as an integer, or null when it has a fraction. 12.0 counts as whole: JSON does not tell. */
    private static BigInteger wholeNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigInteger.valueOf(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return big;
        }
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        try {
            return decimal.stripTrailingZeros().toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            return null;
        }
    }
}
