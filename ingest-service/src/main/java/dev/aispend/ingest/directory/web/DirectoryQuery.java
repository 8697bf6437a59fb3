package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.directory.DirectoryRules;
import dev.aispend.platform.web.FieldError;
import dev.aispend.platform.web.QueryNumbers;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The read API's parameters, checked: every bad one named in a 400 (problem+json), never a framework error. */
final class DirectoryQuery {
    static final int DEFAULT_PAGE_ENTRIES = 100;
    static final int MAX_PAGE_ENTRIES = 1_000;
    /** Far beyond any person's history; bounds the rows a page request may skip. */
    static final long MAX_OFFSET = 1_000_000;

    private DirectoryQuery() {
    }

    static Page page(String person, @Nullable String limit, @Nullable String offset) {
        List<FieldError> violations = new ArrayList<>();
        checkAlias("person", person, violations);
        long pageLimit = QueryNumbers.within("limit", limit, DEFAULT_PAGE_ENTRIES, 1, MAX_PAGE_ENTRIES, violations);
        long pageOffset = QueryNumbers.within("offset", offset, 0, 0, MAX_OFFSET, violations);
        DirectoryRules.refuseIfAny(violations);
        return new Page((int) pageLimit, pageOffset);
    }

    static AliasAt aliasAt(@Nullable String kind, @Nullable String value, @Nullable String at, Instant now) {
        List<FieldError> violations = new ArrayList<>();
        AliasKind aliasKind = null;
        if (kind == null || kind.isBlank()) {
            violations.add(new FieldError("kind", "is required: person, email, githubLogin, providerAccountId or "
                    + "apiKeyId"));
        } else {
            try {
                aliasKind = AliasKind.fromWireName(kind.strip());
            } catch (IllegalArgumentException unknown) {
                violations.add(new FieldError("kind", "must be person, email, githubLogin, providerAccountId or "
                        + "apiKeyId"));
            }
        }
        if (value == null) {
            violations.add(new FieldError("value", "is required"));
        } else {
            checkAlias("value", value, violations);
        }
        Instant instant = now;
        if (at != null) {
            try {
                instant = OffsetDateTime.parse(at.strip()).toInstant();
            } catch (DateTimeParseException unparsable) {
                violations.add(new FieldError("at", "must be an ISO-8601 timestamp with an offset, e.g. "
                        + "2026-01-01T00:00:00Z"));
            }
        }
        DirectoryRules.refuseIfAny(violations);
        return new AliasAt(aliasKind, value, instant);
    }

    private static void checkAlias(String field, String value, List<FieldError> violations) {
        if (value.isBlank() || value.length() > SubmissionRules.MAX_ALIAS_LENGTH
                || !SubmissionRules.PRINTABLE.matcher(value).matches()) {
            violations.add(new FieldError(field, "must be 1.." + SubmissionRules.MAX_ALIAS_LENGTH
                    + " characters without control characters"));
        }
    }

    record Page(int limit, long offset) {
    }

    record AliasAt(AliasKind kind, String value, Instant at) {
    }
}
