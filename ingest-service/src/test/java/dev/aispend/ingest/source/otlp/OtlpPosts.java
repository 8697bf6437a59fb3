package dev.aispend.ingest.source.otlp;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Posts OTLP exports as an exporter does: JSON or protobuf, gzip or not. */
final class OtlpPosts {
    static final String JSON = "application/json";
    static final String PROTOBUF = "application/x-protobuf";
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private OtlpPosts() {
    }

    static HttpResponse<byte[]> post(HttpClient http, String path, byte[] body, String contentType, boolean gzip) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(path, body).contentType(contentType);
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return http.toBlocking().exchange(request, byte[].class);
    }

    static HttpResponse<byte[]> json(HttpClient http, String path, String fixture, Instant at) {
        return post(http, path, OtlpFixtures.at(fixture, at).getBytes(StandardCharsets.UTF_8), JSON, false);
    }

    /** The fixture as binary protobuf, parsed as the receiver parses JSON (hex ids included). */
    static <B extends Message.Builder> byte[] protobuf(String fixture, Instant at, B builder) {
        return OtlpBodies.parse(OtlpFixtures.at(fixture, at).getBytes(StandardCharsets.UTF_8),
                OtlpBodies.Encoding.JSON, builder, MAPPER).build().toByteArray();
    }

    static byte[] gzip(byte[] body) {
        try {
            return OtlpBodiesTest.gzip(body);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(body(response), StandardCharsets.UTF_8);
    }

    /** The body; an empty protobuf message (a full success) is an empty body, which the client reads as none. */
    static byte[] body(HttpResponse<byte[]> response) {
        return response.getBody().orElse(new byte[0]);
    }

    static <B extends Message.Builder> B jsonResponse(HttpResponse<byte[]> response, B builder) {
        try {
            JsonFormat.parser().merge(text(response), builder);
            return builder;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
