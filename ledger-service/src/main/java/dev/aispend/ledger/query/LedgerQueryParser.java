package dev.aispend.ledger.query;

import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.platform.web.FieldError;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the query parameters of {@code GET /v1/ledger/entries} into a {@link LedgerQuery}, or refuses them with
 * every problem at once, each naming its parameter. Unknown parameters are refused too: an auditor who misspells
 * a filter ({@code ocurredFrom}) must not silently get the unfiltered ledger as if it were the answer.
 */
@Singleton
public final class LedgerQueryParser {
    static final long DEFAULT_PAGE_SIZE = 100;
    static final List<String> PARAMETERS = List.of("occurredFrom", "occurredTo", "recordedFrom", "recordedTo",
            "team", "personRef", "eventType", "source", "policyId", "after", "limit", "format");
    /** Every name an entry may be stored under, the foundation's legacy names included: they stay in history. */
    static final List<String> EVENT_TYPE_NAMES = Arrays.stream(LedgerEventType.values())
            .map(LedgerEventType::typeName).distinct().toList();
    private static final String INSTANT_EXPECTED = "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z";

    private final LedgerQueryConfiguration limits;

    public LedgerQueryParser(LedgerQueryConfiguration limits) {
        this.limits = limits;
    }

    /**
     * @param parameters every query parameter with all its values, as given
     * @param accept     the Accept header's media types, by preference; {@code format} overrides it
     * @throws InvalidLedgerQueryException naming each bad parameter
     */
    public LedgerQuery parse(Map<String, List<String>> parameters, Collection<MediaType> accept) {
        Reading reading = new Reading(parameters);
        reading.refuseUnknownParameters();
        ExportFormat format = reading.format(accept);
        LedgerFilter filter = reading.filter();
        long after = reading.wholeNumber("after", 0, 0, Long.MAX_VALUE);
        long maximum = format == ExportFormat.CSV ? limits.maxCsvRows() : limits.maxPageSize();
        // A CSV export is for taking everything at once; a JSON page is for reading a screenful.
        long defaultLimit = format == ExportFormat.CSV ? maximum : Math.min(DEFAULT_PAGE_SIZE, maximum);
        long limit = reading.wholeNumber("limit", defaultLimit, 1, maximum);
        if (!reading.errors.isEmpty()) {
            throw new InvalidLedgerQueryException(reading.errors);
        }
        return new LedgerQuery(filter, after, limit, format);
    }

    /** One request's parameters being read, and the problems found so far. */
    private static final class Reading {
        private final Map<String, List<String>> parameters;
        private final List<FieldError> errors = new ArrayList<>();

        Reading(Map<String, List<String>> parameters) {
            this.parameters = parameters;
        }

        void refuseUnknownParameters() {
            parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted().forEach(name ->
                    errors.add(new FieldError(name, "is not a parameter of this query; known parameters: "
                            + String.join(", ", PARAMETERS))));
        }

        ExportFormat format(Collection<MediaType> accept) {
            String named = single("format");
            if (named == null) {
                return ExportFormat.accepted(accept);
            }
            Optional<ExportFormat> format = ExportFormat.named(named);
            if (format.isEmpty()) {
                errors.add(new FieldError("format", "must be json or csv"));
            }
            return format.orElse(ExportFormat.JSON);
        }

        LedgerFilter filter() {
            Instant occurredFrom = instant("occurredFrom");
            Instant occurredTo = instant("occurredTo");
            Instant recordedFrom = instant("recordedFrom");
            Instant recordedTo = instant("recordedTo");
            requireOrdered("occurredFrom", occurredFrom, "occurredTo", occurredTo);
            requireOrdered("recordedFrom", recordedFrom, "recordedTo", recordedTo);
            return new LedgerFilter(occurredFrom, occurredTo, recordedFrom, recordedTo, single("team"),
                    single("personRef"), eventTypes(), single("source"), single("policyId"));
        }

        long wholeNumber(String name, long absent, long minimum, long maximum) {
            String value = single(name);
            if (value == null) {
                return absent;
            }
            String expected = "must be a whole number from " + minimum
                    + (maximum == Long.MAX_VALUE ? " up" : " to " + maximum);
            try {
                long number = Long.parseLong(value);
                if (number >= minimum && number <= maximum) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, as for a number out of range
            }
            errors.add(new FieldError(name, expected));
            return absent;
        }

        private List<String> eventTypes() {
            List<String> types = new ArrayList<>();
            for (String type : parameters.getOrDefault("eventType", List.of())) {
                if (EVENT_TYPE_NAMES.contains(type)) {
                    if (!types.contains(type)) {
                        types.add(type);
                    }
                } else {
                    errors.add(new FieldError("eventType", quoted(type) + " is not a ledger event type; known: "
                            + String.join(", ", EVENT_TYPE_NAMES)));
                }
            }
            return types;
        }

        private Instant instant(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException unparsable) {
                errors.add(new FieldError(name, INSTANT_EXPECTED));
                return null;
            }
        }

        private void requireOrdered(String fromName, Instant from, String toName, Instant to) {
            if (from != null && to != null && from.isAfter(to)) {
                errors.add(new FieldError(fromName, "must not be after " + toName));
            }
        }

        /** The parameter's one value, or null when absent; a repeated or empty one is a problem, not ignored. */
        private String single(String name) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given at most once"));
                return null;
            }
            if (values.get(0).isBlank()) {
                errors.add(new FieldError(name, "must not be empty"));
                return null;
            }
            return values.get(0);
        }

        /** Echoes a client's value in a message, cut short so a message stays a sentence. */
        private static String quoted(String value) {
            return "'" + (value.length() > 64 ? value.substring(0, 64) + "…" : value) + "'";
        }
    }
}
