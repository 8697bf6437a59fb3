package dev.aispend.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Follows a policy change answered 202 (the ledger had not answered yet) until it is recorded, or refuses. */
final class PolicyChanges {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final Sender sender;
    private final String policy;
    private final String credential;

    PolicyChanges(Sender sender, String policy, String credential) {
        this.sender = sender;
        this.policy = policy;
        this.credential = credential;
    }

    void awaitRecorded(Delivery delivery, String location) {
        Polls.until(WITHIN, Duration.ofMillis(200), () -> {
            HttpResponse<String> answer = sender.get(policy + location, credential);
            String status = status(answer.body());
            if (!status.equals("RECORDED") && !status.equals("PENDING")) {
                throw new DeliveryRefusedException(delivery.name(), answer.statusCode(), answer.body());
            }
            return status.equals("RECORDED");
        }, () -> delivery.name() + " was not recorded by the ledger within " + WITHIN);
    }

    private static String status(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node.path("status").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }
}
