package dev.aispend.ingest.directory.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a person's entries, oldest first; {@code nextOffset} is where the next page starts, null at the end. */
@Serdeable
record PersonHistory(String person, List<EntryView> entries, @Nullable Long nextOffset) {
}
