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
        if (response.code() == 500) {
            // An unexpected failure's messages are for the log (Micronaut logs it), not for the caller: they can
            // carry SQL text, table names or values.
            return ErrorBody.of("the service failed to answer; the failure is in its log", List.of());
        }
        List<FieldError> errors = context.getErrors().stream()
                .map(error -> new FieldError(error.getPath().map(ErrorBodyProvider::fieldName).orElse(null),
                        error.getMessage()))
                .toList();
        return ErrorBody.of(response.reason(), errors);
    }

    /**
     * The parameter or field a framework error names, as the services' own errors name it: Micronaut writes an
     * argument it could not convert as {@code /generation}, a service as {@code generation}.
     */
    private static String fieldName(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
