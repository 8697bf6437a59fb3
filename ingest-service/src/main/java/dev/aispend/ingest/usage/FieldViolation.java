package dev.aispend.ingest.usage;

import io.micronaut.serde.annotation.Serdeable;

/** One reason a submission was refused, naming the JSON field it concerns. */
@Serdeable
public record FieldViolation(String field, String message) {
}
