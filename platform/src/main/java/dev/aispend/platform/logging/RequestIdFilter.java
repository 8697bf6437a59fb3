package dev.aispend.platform.logging;

import dev.aispend.platform.web.ProblemDetails;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives every request an id ({@link RequestIds}) and puts it in the logging MDC for everything the service logs
 * while serving it: the id travels in Micronaut's propagated context, so it follows the request from the event
 * loop to the blocking executor and back (a plain {@code MDC.put} would stay on the thread it was put on, and leak
 * into the next request served there). The answer carries it in {@code X-Request-Id}, and a problem-details body
 * in {@code requestId}. Outermost of all filters, so security's refusals and every other filter's lines carry it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    private final RequestIds requestIds = new RequestIds(new SecureRandom());

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void identify(HttpRequest<?> request, MutablePropagatedContext propagated) {
        RequestIds.Ids ids = requestIds.of(request.getHeaders().get(RequestIds.HEADER),
                request.getHeaders().get(RequestIds.TRACEPARENT));
        request.setAttribute(ATTRIBUTE, ids.requestId());
        Map<String, String> context = new HashMap<>();
        context.put(RequestIds.REQUEST_ID_KEY, ids.requestId());
        if (ids.traceId() != null) {
            context.put(RequestIds.TRACE_ID_KEY, ids.traceId());
        }
        propagated.add(new MdcPropagationContext(context));
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void answerWithId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> {
            response.header(RequestIds.HEADER, id);
            if (response.getBody().orElse(null) instanceof ProblemDetails problem) {
                ((MutableHttpResponse<Object>) response).body(problem.withRequestId(id));
            }
        });
    }
}
