package dev.aispend.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The HTTP request of one delivery exactly as its client sends it: the service's address and path, the bytes, the
 * headers, and the bearer credential, or for a GitHub delivery the {@code X-Hub-Signature-256} of its bytes.
 * Shared by the demo's loader and the benchmark, which sends the same deliveries as load.
 */
public final class DeliveryRequests {
    private DeliveryRequests() {
    }

    public static HttpRequest of(Delivery delivery, DemoEndpoints endpoints, DemoCredentials credentials,
                                 Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.base(delivery.service())
                        + delivery.path())).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        if (delivery instanceof GithubDelivery) {
            request.header("X-Hub-Signature-256", GithubSignature.of(credentials.githubWebhookSecret(),
                    delivery.body()));
        } else {
            request.header("Authorization", "Bearer " + credentials.forDelivery(delivery));
        }
        return request.build();
    }
}
