package dev.aispend.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}), what every service answers for every
 * error: {@code type} is {@code about:blank} (the status says what kind of problem it is), {@code title} the
 * status's phrase, {@code detail} the sentence for a client developer, {@code errors} each reason, naming its
 * field or parameter when there is one, and {@code requestId} the id the service logged the request under (also in
 * the {@code X-Request-Id} header), for a client to quote to an operator (extension members, as RFC 9457 section
 * 3.2 allows).
 */
@Serdeable
public record ProblemDetails(String type, String title, int status, String detail, List<FieldError> errors,
                             @Nullable String requestId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemDetails of(int status, String title, ErrorBody error) {
        return new ProblemDetails("about:blank", title, status, error.message(), error.errors(), null);
    }

    public ProblemDetails withRequestId(String id) {
        return new ProblemDetails(type, title, status, detail, errors, id);
    }
}
