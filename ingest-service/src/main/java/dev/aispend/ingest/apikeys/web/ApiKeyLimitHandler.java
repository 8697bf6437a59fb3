package dev.aispend.ingest.apikeys.web;

import dev.aispend.ingest.apikeys.ApiKeyLimitException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** 409 when the usable keys' limit is reached: revoking unused keys (or raising the limit) makes room. */
@Produces
@Singleton
final class ApiKeyLimitHandler implements ExceptionHandler<ApiKeyLimitException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ApiKeyLimitException exception) {
        return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT).body(ErrorBody.of(exception.maxKeys()
                + " API keys are usable already, the most allowed (INGEST_API_KEYS_MAX_KEYS); revoke keys no longer "
                + "used; nothing was created", List.of()));
    }
}
