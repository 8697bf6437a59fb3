package dev.aispend.testsupport.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Requests sent exactly as written, for tests of hostile input: the JDK's client, which neither normalises a path
 * ({@code ../} and {@code %2F} go out as given) nor adds credentials (the services' test clients add the all-roles
 * token to a request without one). A request without {@code authorization} carries none. It accepts any media
 * type, so each endpoint answers in its default one.
 */
public final class RawHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RawHttp(URI server) {
        this.server = server;
    }

    /** {@code GET} of {@code pathAndQuery} (already encoded as it should go out) with {@code authorization}. */
    public HttpResponse<String> get(String pathAndQuery, String authorization) {
        return send("GET", pathAndQuery, authorization, null);
    }

    /**
     * {@code method} on {@code pathAndQuery}, with the {@code Authorization} header {@code authorization} (none when
     * null) and a JSON {@code body} (none when null).
     */
    public HttpResponse<String> send(String method, String pathAndQuery, String authorization, String body) {
        return send(method, pathAndQuery, authorization, Map.of(), body);
    }

    /** Like {@link #send(String, String, String, String)}, with more {@code headers}. */
    public HttpResponse<String> send(String method, String pathAndQuery, String authorization,
                                     Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "")
                + pathAndQuery)).timeout(TIMEOUT).header("Accept", "*/*");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " got no answer", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
