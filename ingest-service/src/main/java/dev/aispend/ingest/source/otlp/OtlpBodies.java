package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.source.JsonBodies;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * OTLP/HTTP bodies in and out, with the official opentelemetry-proto classes: binary protobuf
 * ({@code application/x-protobuf}) or OTLP JSON ({@code application/json}: protobuf's JSON parser, unknown
 * fields ignored as the protocol requires, ids turned from hex first ({@link HexIds})). A gzip body is inflated
 * here, bounded by the request size limit (a small body that inflates beyond it is refused with 413). The
 * answer goes back in the request's encoding, as a collector answers.
 */
final class OtlpBodies {
    static final String PROTOBUF = "application/x-protobuf";
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

    private OtlpBodies() {
    }

    /** The two encodings of OTLP/HTTP. */
    enum Encoding {
        JSON, PROTOBUF;

        static Encoding of(@Nullable MediaType contentType) {
            return contentType != null && PROTOBUF_TYPE.equals(contentType.getName()) ? PROTOBUF : JSON;
        }

        private static final String PROTOBUF_TYPE = OtlpBodies.PROTOBUF;
    }

    /**
     * The body without its content encoding. Micronaut inflates gzip and deflate bodies itself (and drops the
     * header) unless request decompression is turned off; this covers that case, bounded by {@code maxBytes}.
     */
    static byte[] decoded(@Nullable byte[] body, @Nullable String contentEncoding, long maxBytes) {
        byte[] bytes = body == null ? new byte[0] : body;
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return bytes;
        }
        if (!encoding.equals("gzip")) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + contentEncoding + " is not supported; send gzip or none");
        }
        if (bytes.length < 2 || bytes[0] != GZIP_MAGIC[0] || bytes[1] != GZIP_MAGIC[1]) {
            return bytes; // Already inflated on the way in.
        }
        return inflated(bytes, maxBytes);
    }

    static byte[] inflated(byte[] gzip, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (inflated.length > maxBytes) {
                throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the body inflates to more than "
                        + maxBytes + " bytes (INGEST_MAX_REQUEST_BYTES)");
            }
            return inflated;
        } catch (IOException corrupt) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "is not valid gzip: "
                    + corrupt.getMessage())));
        }
    }

    /** Parses {@code body} into {@code builder}; 400 naming the problem when it is not OTLP in its encoding. */
    static <B extends Message.Builder> B parse(byte[] body, Encoding encoding, B builder, JsonMapper jsonMapper) {
        String json = encoding == Encoding.JSON ? withBase64Ids(body, jsonMapper) : null;
        try {
            if (json == null) {
                builder.mergeFrom(body);
            } else {
                JSON_PARSER.merge(json, builder);
            }
            return builder;
        } catch (InvalidProtocolBufferException | RuntimeException malformed) {
            // Protobuf's JSON parser also fails with Gson's and number-format exceptions: all mean a bad body.
            throw new InvalidSubmissionException(List.of(new FieldError("$", "is not a valid OTLP "
                    + (json == null ? "protobuf" : "JSON") + " export request: "
                    + firstLine(malformed.getMessage()))));
        }
    }

    /**
     * Strict JSON (a duplicated key is refused), ids from hex to base64, written back for protobuf's parser; a
     * document without ids (a metric export) goes to the parser as it came, not written again.
     */
    private static String withBase64Ids(byte[] body, JsonMapper jsonMapper) {
        try {
            JsonNode parsed = JsonBodies.parse(jsonMapper, body);
            JsonNode rewritten = HexIds.toBase64(parsed);
            return new String(rewritten == parsed ? body : jsonMapper.writeValueAsBytes(rewritten),
                    StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new IllegalStateException("could not write back a parsed JSON document", unwritable);
        }
    }

    /** HTTP 200 with the export response in the request's encoding. */
    static HttpResponse<byte[]> respond(Message response, Encoding encoding) {
        if (encoding == Encoding.PROTOBUF) {
            return HttpResponse.ok(response.toByteArray()).contentType(PROTOBUF);
        }
        try {
            return HttpResponse.ok(JSON_PRINTER.print(response).getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (InvalidProtocolBufferException unprintable) {
            throw new IllegalStateException("an export response could not be printed as JSON", unprintable);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
