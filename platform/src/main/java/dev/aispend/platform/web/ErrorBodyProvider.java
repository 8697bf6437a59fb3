package dev.aispend.platform.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Gives Micronaut's own error responses (unknown route, wrong method, body too large, wrong content type,
 * unexpected failure) the same {@link ErrorBody} shape as the services' validation errors. Replaces
 * Micronaut's default provider, which is only used when no other exists.
 */
@Singleton
final class ErrorBodyProvider implements JsonErrorResponseBodyProvider<ErrorBody> {

    @Override
    public ErrorBody body(ErrorContext context, HttpResponse<?> response) {
        List<FieldError> errors = context.getErrors().stream()
                .map(error -> new FieldError(error.getPath().orElse(null), error.getMessage()))
                .toList();
        return ErrorBody.of(response.reason(), errors);
    }
}
