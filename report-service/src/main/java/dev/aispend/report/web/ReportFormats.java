package dev.aispend.report.web;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.platform.csv.CsvCells;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * JSON by default, CSV on request ({@code format=csv}, or {@code Accept: text/csv}); the same figures either way.
 * CSV is RFC 4180 with a header row, UTF-8, written by jackson-dataformat-csv. Each cell is written by the rule
 * every export follows ({@link CsvCells#cell}): text that a spreadsheet would run as a formula gets a quote before
 * it, figures (numbers, booleans, dates) stay as they are.
 */
public final class ReportFormats {
    public static final MediaType TEXT_CSV = MediaType.of("text/csv");
    /** An absent value is an empty, unquoted cell. */
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private ReportFormats() {
    }

    public static boolean wantsCsv(HttpRequest<?> request, @Nullable String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw InvalidReportRequestException.of("format", "must be json or csv");
            };
        }
        return request.getHeaders().accept().stream().anyMatch(type -> type.matchesExtension("csv")
                || "text/csv".equals(type.getName()));
    }

    /** The report as JSON, or as CSV named {@code <name>.csv}. */
    public static <T> HttpResponse<?> respond(HttpRequest<?> request, @Nullable String format, String name, T report,
                                              Function<T, CsvTable> table) {
        if (!wantsCsv(request, format)) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(csv(table.apply(report)))
                .contentType(MediaType.of("text/csv;charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
    }

    public static String csv(CsvTable table) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
        table.header().forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (var writer = CSV.writer(schema.build()).writeValues(out)) {
            writer.write(table.header());
            for (var row : table.rows()) {
                writer.write(row.stream().map(ReportFormats::cell).toList());
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write CSV", failure);
        }
        return out.toString();
    }

    private static String cell(Object value) {
        return value == null ? "" : CsvCells.cell(value);
    }
}
