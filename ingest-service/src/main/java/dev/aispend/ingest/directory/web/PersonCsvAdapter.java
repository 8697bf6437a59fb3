package dev.aispend.ingest.directory.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.directory.DirectoryRules;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The directory's CSV import ({@code POST /v1/directory/import}, {@code text/csv}; docs/directory.md) into entries,
 * parsed by jackson-dataformat-csv (RFC 4180: quoted cells may hold commas, quotes and line breaks). UTF-8, a
 * header naming the columns ({@link CsvHeader}), one entry per row; a cell of alias values separates them with
 * {@value #SEPARATOR}. At most {@code maxRows} rows. All or nothing: every reason names {@code row N column X},
 * N counted as a spreadsheet does (the header is row 1, the first entry row 2).
 */
final class PersonCsvAdapter {
    /** Between values in one alias cell: never part of an email, a login or an id, nor a CSV delimiter. */
    static final String SEPARATOR = "|";
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final int maxRows;

    PersonCsvAdapter(int maxRows) {
        this.maxRows = maxRows;
    }

    /** Places a reason about entry {@code index} (our field name) in the file: {@code row N column X}. */
    static final Locator LOCATOR = (index, field) -> CsvHeader.place(index + 2, field);

    List<PersonEntry> read(@Nullable byte[] body) {
        String text = utf8(body);
        List<FieldError> violations = new ArrayList<>();
        List<PersonEntry> entries = new ArrayList<>();
        int rowNumber = 0; // the last row read whole
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            if (!rows.hasNext()) {
                throw refused("$", "the body is empty: expected a header row and one row per entry");
            }
            CsvHeader header = CsvHeader.of(rows.next(), violations);
            rowNumber++;
            DirectoryRules.refuseIfAny(violations);
            while (rows.hasNext()) {
                if (entries.size() == maxRows) {
                    throw refused("$", "carries more than " + maxRows + " entries; at most " + maxRows
                            + " rows are taken per import (INGEST_DIRECTORY_MAX_IMPORT_ROWS): split the file");
                }
                String[] cells = rows.next();
                rowNumber++;
                entries.add(entry(header, cells, rowNumber, violations));
            }
        } catch (IOException | RuntimeJsonMappingException unreadable) {
            // The row it could not read is the one after the last row read whole.
            throw refused(CsvHeader.place(rowNumber + 1, "$"), "is not valid CSV: " + firstLine(unreadable));
        }
        if (entries.isEmpty()) {
            throw refused("$", "holds a header but no entries");
        }
        DirectoryRules.refuseIfAny(violations);
        return entries;
    }

    private static PersonEntry entry(CsvHeader header, String[] cells, int rowNumber, List<FieldError> violations) {
        if (header.extraCells(cells)) {
            violations.add(new FieldError(CsvHeader.place(rowNumber, "$"), "has " + cells.length
                    + " cells; the header names " + header.size() + " columns (quote a cell that holds a comma)"));
        }
        Map<AliasKind, List<String>> aliases = new EnumMap<>(AliasKind.class);
        for (AliasKind kind : CsvHeader.ALIAS_COLUMNS) {
            String cell = header.cell(cells, kind.wireName());
            if (cell != null) {
                List<String> values = new ArrayList<>();
                for (String value : cell.split("\\" + SEPARATOR, -1)) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
                aliases.put(kind, values);
            }
        }
        return new PersonEntry(header.cell(cells, "person"), header.cell(cells, "team"),
                header.cell(cells, "costCenter"), validFrom(header.cell(cells, "validFrom"), rowNumber, violations),
                aliases);
    }

    private static @Nullable Instant validFrom(@Nullable String cell, int rowNumber, List<FieldError> violations) {
        if (cell == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException unparsable) {
            violations.add(new FieldError(CsvHeader.place(rowNumber, "validFrom"),
                    "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-01T00:00:00Z"));
            return null;
        }
    }

    /** The body as text: UTF-8 (a leading byte order mark, as spreadsheets write it, is skipped), or 400. */
    private static String utf8(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            throw refused("$", "the body is empty: expected a header row and one row per entry");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw refused("$", "is not UTF-8 text; save the file as CSV UTF-8");
        }
    }

    private static String firstLine(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static InvalidSubmissionException refused(String field, String message) {
        return new InvalidSubmissionException(List.of(new FieldError(field, message)));
    }
}
