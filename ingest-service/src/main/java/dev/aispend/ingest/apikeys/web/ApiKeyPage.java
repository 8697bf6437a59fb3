package dev.aispend.ingest.apikeys.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of keys, newest first; {@code nextOffset} asks for the next page, absent on the last. */
@Serdeable
record ApiKeyPage(List<ApiKeyView> apiKeys, @Nullable Long nextOffset) {
}
