package dev.aispend.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reading report answers back in tests: JSON as served, CSV by a CSV library, as-of answers compared. */
public final class ReportAnswers {
    private ReportAnswers() {
    }

    /** The JSON answer at {@code uri}. */
    public static JsonNode json(HttpClient http, String uri) throws IOException {
        return TestLedger.JACKSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(uri)));
    }

    /** The CSV answer at {@code uri}, each row by its header's names. */
    public static List<Map<String, String>> csv(HttpClient http, String uri) throws IOException {
        return csv(http.toBlocking().retrieve(HttpRequest.GET(uri)));
    }

    /** CSV text with a header row, each row by its header's names. */
    public static List<Map<String, String>> csv(String text) throws IOException {
        try (MappingIterator<Map<String, String>> rows = csvRows(text)) {
            return rows.readAll();
        }
    }

    /** The rows of CSV text with a header row, for a caller that also wants the header read. */
    public static MappingIterator<Map<String, String>> csvRows(String text) throws IOException {
        return new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(text);
    }

    /** The answer without what the read models had applied beyond it (which grows while the answer stays). */
    public static JsonNode withoutApplied(JsonNode report) {
        JsonNode copy = report.deepCopy();
        ((ObjectNode) copy.get("asOf")).remove("appliedPosition");
        return copy;
    }
}
