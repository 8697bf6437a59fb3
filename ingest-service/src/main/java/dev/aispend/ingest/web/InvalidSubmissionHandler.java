package dev.aispend.ingest.web;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.ingest.usage.InvalidSubmissionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 with every violated field, so a client fixes all of them in one round trip. */
@Produces
@Singleton
final class InvalidSubmissionHandler implements ExceptionHandler<InvalidSubmissionException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidSubmissionException exception) {
        return HttpResponse.badRequest(new ErrorBody("the usage record is invalid; nothing was stored",
                exception.violations()));
    }
}
