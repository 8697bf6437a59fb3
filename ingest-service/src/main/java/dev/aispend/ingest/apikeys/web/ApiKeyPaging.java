package dev.aispend.ingest.apikeys.web;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import dev.aispend.platform.web.QueryNumbers;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** The list's {@code limit} and {@code offset}, checked: a bad one is a 400 naming it, never a framework error. */
record ApiKeyPaging(int limit, long offset) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    /** Beyond any number of keys the limits allow; bounds the rows a page request may skip. */
    static final long MAX_OFFSET = 10_000_000;

    static ApiKeyPaging of(@Nullable String limit, @Nullable String offset) {
        List<FieldError> violations = new ArrayList<>();
        long pageLimit = QueryNumbers.within("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, violations);
        long pageOffset = QueryNumbers.within("offset", offset, 0, 0, MAX_OFFSET, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return new ApiKeyPaging((int) pageLimit, pageOffset);
    }
}
