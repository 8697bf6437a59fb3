package dev.aispend.platform.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The body of every error any service answers, its own or the framework's (404, 405, 413, 415, 500):
 * a sentence, and the reasons, each naming its field when there is one.
 */
@Serdeable
public record ErrorBody(String message, List<FieldError> errors) {

    public static ErrorBody of(String message, List<FieldError> errors) {
        return new ErrorBody(message, List.copyOf(errors));
    }
}
