package dev.aispend.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a request whose path or query parameters hold a NUL character ({@code %00}): 400 naming each such
 * parameter (or {@code path}), before any controller sees it. No name, id or filter of any service holds one, and
 * PostgreSQL text cannot: a NUL that reached a query failed it with a 500. One place, so a parameter or route
 * added later is covered too. It runs after security, so a caller without credentials still learns only that.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NulCharacterFilter implements Ordered {
    private static final char NUL = '\u0000';
    private static final String ENCODED_NUL = "%00";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ProblemDetails> refuseNul(HttpRequest<?> request) {
        List<FieldError> errors = new ArrayList<>();
        String rawPath = request.getUri().getRawPath();
        if (rawPath != null && rawPath.toLowerCase(Locale.ROOT).contains(ENCODED_NUL)) {
            errors.add(new FieldError("path", "must not contain a NUL character (%00)"));
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (parameter.getKey().indexOf(NUL) >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf(NUL) >= 0)) {
                errors.add(new FieldError(parameter.getKey().replace(NUL, '?'),
                        "must not contain a NUL character (%00)"));
            }
        }
        return errors.isEmpty() ? null : refusal(errors);
    }

    /** Problem details written here: a request filter's own answer does not pass the problem-details filter. */
    private static HttpResponse<ProblemDetails> refusal(List<FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return HttpResponse.<ProblemDetails>status(status).contentType(MediaType.of(ProblemDetails.MEDIA_TYPE))
                .body(ProblemDetails.of(status.getCode(), status.getReason(),
                        ErrorBody.of("the request holds a NUL character; nothing was done", errors)));
    }
}
