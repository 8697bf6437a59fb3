package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.UsdAmounts;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reading a provider page, shared by the page mappers: the {@code data} array (time buckets, or the Claude Code
 * report's records), the {@code results} of a bucket, USD checks, dates, and the keyed refs that stand in for
 * personal values in deterministic ids. Every read collects reasons rather than stopping at the first.
 */
public final class ProviderPage {
    /** More than any provider page holds (Anthropic pages up to 31 daily buckets, Claude Code up to 1000 rows). */
    public static final int MAX_ELEMENTS = 10_000;
    /** Far above any real aggregate, far below overflow; the configured per-record limit is the acceptance path's. */
    public static final long MAX_PARSED_COUNT = 1L << 50;
    /** The model of a report entry not grouped by model: the ledger cannot price it, so group by model to price. */
    public static final String UNKNOWN_MODEL = "unknown";

    private ProviderPage() {
    }

    /** The objects of the page's {@code data} array, paths {@code data[i]}; refuses a body that is no page. */
    public static List<JsonFields> data(JsonNode page, String what, List<FieldError> violations) {
        if (page == null || !page.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "must be a JSON object: a page of "
                    + what + " exactly as the provider's API returned it ({\"data\": [...], ...})")));
        }
        return JsonNumbers.objects(JsonFields.of(page, "", violations), "data", true, MAX_ELEMENTS, violations);
    }

    /** The objects of {@code field} in a bucket or record (e.g. {@code results}), required. */
    public static List<JsonFields> objects(JsonFields parent, String field, List<FieldError> violations) {
        return JsonNumbers.objects(parent, field, true, MAX_ELEMENTS, violations);
    }

    /** Where an element sits, {@code data[0].results[3]}, from its fields' prefix. */
    public static String pathOf(JsonFields element) {
        String prefix = element.path("");
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** A count, zero when absent; refused when not a whole non-negative number. */
    public static long count(@Nullable JsonFields fields, String field) {
        Long value = fields == null ? null : fields.count(field, MAX_PARSED_COUNT);
        return value == null ? 0 : value;
    }

    /** A count the report always gives: refused when absent (counted as zero so the walk goes on to the end). */
    public static long requiredCount(JsonFields fields, String field) {
        return fields.requiredCount(field, MAX_PARSED_COUNT);
    }

    /** Refuses a currency other than USD ({@code "USD"}, or OpenAI's {@code "usd"}); the ledger keeps USD micros. */
    public static void requireUsd(JsonFields fields, String field) {
        String currency = fields.requiredText(field);
        if (currency != null && !"USD".equals(currency.toUpperCase(Locale.ROOT))) {
            fields.refuse(field, "is " + currency + ": only USD amounts are taken (the ledger keeps USD micros)");
        }
    }

    /** A day ({@code 2025-08-08}, as the Claude Code report documents it) or a time ({@code 2025-08-08T00:00:00Z}). */
    public static @Nullable Instant dayOrTime(JsonFields fields, String field) {
        String text = fields.requiredText(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                fields.refuse(field, "must be a UTC date (2025-08-08) or an RFC 3339 time (2025-08-08T00:00:00Z)");
                return null;
            }
        }
    }

    /** The keyed ref of a personal value for an id, or null when absent. */
    public static @Nullable String ref(IdentifyingRefs refs, AliasKind kind, @Nullable String value) {
        return value == null || value.isBlank() ? null : refs.ref(kind, value);
    }

    /** Who a report entry is about: its provider account (user) and API key, the aliases the directory maps. */
    public static SubjectAliases accountAndKey(@Nullable String providerAccountId, @Nullable String apiKeyId) {
        return new SubjectAliases(null, null, null, providerAccountId, apiKeyId);
    }

    /** Refuses a result whose {@code object} names another report (a costs page posted to the usage path). */
    public static void requireObject(JsonFields result, String expected, String otherwise) {
        String object = result.text("object");
        if (object != null && !expected.equals(object)) {
            result.refuse("object", "is " + object + ", not " + expected + ": " + otherwise);
        }
    }

    /**
     * An amount already read from {@code field}, in USD micros; refused, naming the field, when it is too large to
     * hold (more than 2^62 micros, about $4.6 trillion): skipping it as if it were zero would lose the spend.
     */
    public static @Nullable Long usdMicros(JsonFields fields, String field, @Nullable BigDecimal amount,
                                           boolean inCents) {
        if (amount == null) {
            return null;
        }
        Long micros = inCents ? UsdAmounts.centsToMicros(amount) : UsdAmounts.dollarsToMicros(amount);
        if (micros == null) {
            fields.refuse(field, "is too large: amounts are held as whole USD micros, at most about $4.6 trillion");
        }
        return micros;
    }

    /**
     * Refuses a period whose end ({@code field}) lies after now: its bucket is still filling, and ids ignore the
     * numbers, so a partial bucket recorded now would stand forever and the later, complete import would be a
     * conflict. Import closed buckets only.
     */
    public static void requireClosed(JsonFields fields, String field, @Nullable Instant end, Clock clock) {
        if (end != null && end.isAfter(clock.instant())) {
            fields.refuse(field, "ends at " + end + ", after now: the period is still filling; import it once it "
                    + "has ended (closed buckets only)");
        }
    }

    public static void refuseIfAny(List<FieldError> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
    }
}
