package dev.aispend.report.gamification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reading report answers back in tests: CSV by a CSV library, JSON compared as it was served. */
public final class ReportAnswers {
    private ReportAnswers() {
    }

    /** The CSV answer at {@code uri}, each row by its header's names. */
    public static List<Map<String, String>> csv(HttpClient http, String uri) throws IOException {
        String text = http.toBlocking().retrieve(HttpRequest.GET(uri));
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }

    /** The answer without what the read models had applied beyond it (which grows while the answer stays). */
    public static JsonNode withoutApplied(JsonNode report) {
        JsonNode copy = report.deepCopy();
        ((ObjectNode) copy.get("asOf")).remove("appliedPosition");
        return copy;
    }
}
