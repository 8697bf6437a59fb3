package dev.aispend.ingest.web;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 400 with every violated field, so a client fixes all of them in one round trip; nothing of the request was
 * stored or published. The platform's filter turns the body into RFC 9457 problem details.
 */
@Produces
@Singleton
@Requires(classes = InvalidSubmissionException.class)
final class InvalidSubmissionHandler implements ExceptionHandler<InvalidSubmissionException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidSubmissionException exception) {
        return HttpResponse.badRequest(ErrorBody.of("the request is invalid; nothing was stored or published",
                exception.violations()));
    }
}
