package dev.aispend.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One reason a request was refused; {@code field} names the JSON field or query parameter when there is one. */
@Serdeable
public record FieldError(@Nullable String field, String message) {
}
