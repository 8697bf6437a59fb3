package dev.aispend.demo;

import java.util.Map;

/**
 * A GitHub {@code pull_request} webhook delivery. Its {@code X-Hub-Signature-256} is computed by the sender over
 * these exact bytes with the configured secret ({@link GithubSignature}); the generator never holds the secret.
 */
public record GithubDelivery(String name, String deliveryId, byte[] body) implements Delivery {
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/webhooks/github";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Type", "application/json", "X-GitHub-Event", "pull_request", "X-GitHub-Delivery",
                deliveryId, "User-Agent", "GitHub-Hookshot/demo");
    }
}
