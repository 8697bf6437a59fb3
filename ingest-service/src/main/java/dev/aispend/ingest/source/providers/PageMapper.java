package dev.aispend.ingest.source.providers;

import io.micronaut.json.tree.JsonNode;

/**
 * Turns one page of a provider's report, exactly as the provider's API returned it, into submissions. Pure (no
 * I/O); refuses a page of the wrong shape with {@code InvalidSubmissionException} naming
 * {@code data[i].results[j].field}. Unknown fields are ignored (providers add fields); known fields of the wrong
 * type are refused.
 */
@FunctionalInterface
public interface PageMapper {

    MappedPage map(JsonNode page);
}
