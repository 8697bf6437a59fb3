package dev.aispend.ingest.web;

import dev.aispend.ingest.usage.FieldViolation;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of every 4xx/5xx this service answers itself: a sentence, and the fields at fault if any. */
@Serdeable
public record ErrorBody(String message, List<FieldViolation> errors) {
}
