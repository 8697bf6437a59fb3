package dev.aispend.ingest.directory.web;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.IngestHttp;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the directory ITs send and read: requests answered with their status and body, whatever the status. */
@Singleton
final class DirectoryHttp {
    static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    private final IngestHttp http;
    private final JsonMapper json;

    DirectoryHttp(IngestHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    HttpResponse<String> postPerson(String body) {
        return http.postJson("/v1/directory/people", body);
    }

    HttpResponse<String> postCsv(String csv) {
        return http.exchange(HttpRequest.POST("/v1/directory/import", csv).contentType("text/csv"));
    }

    HttpResponse<String> postUsage(String id, Instant occurredAt, String subjectJson) {
        String body = """
                {"id": "%s", "occurredAt": "%s", %s, "model": "claude-sonnet-4-5", "inputTokens": 10, \
                "outputTokens": 5}""".formatted(id, occurredAt, subjectJson);
        return http.postJson("/v1/usage", body);
    }

    HttpResponse<String> get(String uri) {
        return http.exchange(HttpRequest.GET(uri));
    }

    List<IdentityLink> links(KafkaProbe probe, int expected) {
        return read(probe, expected).stream().map(value -> parse(value, IdentityLink.class)).toList();
    }

    List<UsageRecord> usage(KafkaProbe probe, int expected) {
        return read(probe, expected).stream().map(value -> parse(value, UsageRecord.class)).toList();
    }

    /** The raw values, to check what is NOT in them (emails). */
    List<String> read(KafkaProbe probe, int expected) {
        List<String> values = probe.recordsSinceCreated(expected, KAFKA_WAIT).stream().map(ConsumerRecord::value)
                .toList();
        if (values.size() != expected) {
            throw new AssertionError("expected " + expected + " records, found " + values.size() + ": " + values);
        }
        return values;
    }

    private <T> T parse(String value, Class<T> type) {
        try {
            return json.readValue(value.getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
