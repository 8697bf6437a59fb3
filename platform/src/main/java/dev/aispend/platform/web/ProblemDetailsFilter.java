package dev.aispend.platform.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Turns every {@link ErrorBody} a service or the framework answers into RFC 9457 problem details with the
 * response's status, so the services' code names the problem and its fields, and the wire format is decided in
 * one place.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ProblemDetailsFilter {

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void toProblemDetails(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof ErrorBody error) {
            ((MutableHttpResponse<Object>) response).body(ProblemDetails.of(response.code(), response.reason(), error));
            response.contentType(MediaType.of(ProblemDetails.MEDIA_TYPE));
        }
    }
}
