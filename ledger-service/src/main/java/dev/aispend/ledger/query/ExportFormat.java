package dev.aispend.ledger.query;

import io.micronaut.http.MediaType;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** How an audit query is answered: a JSON page, or a streamed CSV export. */
public enum ExportFormat {
    JSON,
    CSV;

    /** The value of the {@code format} parameter, case-insensitive; empty when it names no format. */
    static Optional<ExportFormat> named(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /**
     * The format the Accept header prefers: the first of text/csv and application/json it lists (Micronaut gives
     * them ordered by quality), JSON when it lists neither (a browser's or curl's wildcard).
     */
    static ExportFormat accepted(Collection<MediaType> accept) {
        for (MediaType type : accept) {
            if (type.getName().equalsIgnoreCase(MediaType.TEXT_CSV)) {
                return CSV;
            }
            if (type.getName().equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return JSON;
    }
}
