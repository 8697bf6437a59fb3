package dev.aispend.ingest.source.github;

import dev.aispend.ingest.IngestHttp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Delivers payloads as GitHub does: raw bytes, signed over exactly those bytes, with GitHub's headers. Each delivery
 * is answered with its status, whatever it is.
 */
final class GitHubWebhookClient {
    static final String SECRET = "it-webhook-secret";
    private static final String PATH = "/v1/webhooks/github";

    private final IngestHttp http;
    private final String secret;

    GitHubWebhookClient(IngestHttp http, String secret) {
        this.http = http;
        this.secret = secret;
    }

    HttpResponse<String> deliver(@Nullable String event, String deliveryId, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(request(event, deliveryId, body, WebhookSignature.sign(secret, body), MediaType.APPLICATION_JSON));
    }

    HttpResponse<String> deliverSignedAs(String event, String deliveryId, String json, @Nullable String signature) {
        return send(request(event, deliveryId, json.getBytes(StandardCharsets.UTF_8), signature,
                MediaType.APPLICATION_JSON));
    }

    /**
     * Through the JDK's client: Micronaut's client re-encodes a form body from its fields, and GitHub signs the
     * bytes it sends.
     */
    java.net.http.HttpResponse<String> deliverForm(URI server, String event, String deliveryId, String form)
            throws IOException, InterruptedException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.resolve(PATH))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(MutableHttpRequest<byte[]> request) {
        return http.exchange(request);
    }

    private static MutableHttpRequest<byte[]> request(@Nullable String event, String deliveryId, byte[] body,
                                                      @Nullable String signature, String contentType) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(PATH, body).contentType(contentType)
                .header("X-GitHub-Delivery", deliveryId)
                .header("User-Agent", "GitHub-Hookshot/it");
        if (event != null) {
            request.header("X-GitHub-Event", event);
        }
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return request;
    }
}
