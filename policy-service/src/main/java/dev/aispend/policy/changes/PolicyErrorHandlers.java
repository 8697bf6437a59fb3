package dev.aispend.policy.changes;

import dev.aispend.platform.web.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** 400 naming every bad field; 503 with Retry-After when the broker did not take a change (nothing was sent). */
final class PolicyErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyErrorHandlers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private PolicyErrorHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = InvalidPolicyException.class)
    static final class OfInvalidPolicy implements ExceptionHandler<InvalidPolicyException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidPolicyException exception) {
            return HttpResponse.<ErrorBody>status(HttpStatus.BAD_REQUEST)
                    .body(ErrorBody.of(exception.getMessage(), exception.errors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = BrokerUnavailableException.class)
    static final class OfBroker implements ExceptionHandler<BrokerUnavailableException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, BrokerUnavailableException exception) {
            LOG.warn("policy change not sent: {}", exception.getMessage(), exception.getCause());
            return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(ErrorBody.of("the broker did not take the change; nothing was recorded: retry after "
                            + RETRY_AFTER_SECONDS + " s", List.of()));
        }
    }
}
