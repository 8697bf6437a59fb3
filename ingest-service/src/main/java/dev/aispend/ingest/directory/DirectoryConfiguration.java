package dev.aispend.ingest.directory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the identity directory's API, from {@code ingest.directory.*} in application.yml, each with an
 * environment variable. A request's entries are written and their links acknowledged by Kafka in one database
 * transaction, so every request is bounded.
 *
 * @param maxImportRows       the most entries (data rows) one CSV import may carry
 * @param maxAliasesPerEntry  the most aliases one entry may list, all kinds together (the person key not counted)
 * @param maxLinksPerRequest  the most alias rows (each one {@code IdentityLinked} event) one request may write
 */
@ConfigurationProperties("ingest.directory")
public record DirectoryConfiguration(
        @Bindable(defaultValue = "10000") int maxImportRows,
        @Bindable(defaultValue = "50") int maxAliasesPerEntry,
        @Bindable(defaultValue = "50000") int maxLinksPerRequest) {

    /** Upper bounds of the settings: a request is one transaction and one wait for Kafka's acknowledgements. */
    public static final int MAX_IMPORT_ROWS_LIMIT = 100_000;
    public static final int MAX_ALIASES_PER_ENTRY_LIMIT = 1_000;
    public static final int MAX_LINKS_PER_REQUEST_LIMIT = 500_000;

    public DirectoryConfiguration {
        requireWithin("maxImportRows", maxImportRows, MAX_IMPORT_ROWS_LIMIT);
        requireWithin("maxAliasesPerEntry", maxAliasesPerEntry, MAX_ALIASES_PER_ENTRY_LIMIT);
        requireWithin("maxLinksPerRequest", maxLinksPerRequest, MAX_LINKS_PER_REQUEST_LIMIT);
    }

    private static void requireWithin(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("ingest.directory." + name + " must be within 1.." + max
                    + ", was " + value);
        }
    }
}
