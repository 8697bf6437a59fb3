package dev.aispend.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Turns every {@link ErrorBody} a service or the framework answers into RFC 9457 problem details with the
 * response's status, so the services' code names the problem and its fields, and the wire format is decided in
 * one place. It sits outside the security filter, so the refusals of credentials (401) and roles (403), which
 * security answers without passing the request on, are problem details too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ProblemDetailsFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void toProblemDetails(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof ErrorBody error) {
            ((MutableHttpResponse<Object>) response).body(ProblemDetails.of(response.code(), response.reason(), error));
            response.contentType(MediaType.of(ProblemDetails.MEDIA_TYPE));
        }
    }
}
