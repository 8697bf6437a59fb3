package dev.aispend.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * What a good answer to each delivery looks like. Anything else refuses the load, naming the delivery: a status
 * outside the kind's, an OTLP partial success, a LiteLLM payload skipped. A second load of the same month is
 * answered as a repeat (a redelivery, an unchanged directory, a budget or phase whose id is taken) and counted so.
 */
public final class Answers {
    /** How a delivery was taken. */
    public enum Outcome { ACCEPTED, REPEATED, PENDING }

    private Answers() {
    }

    public static Outcome check(Delivery delivery, int status, String body) {
        if (delivery instanceof BudgetDelivery || delivery instanceof PhaseDelivery) {
            return policy(delivery, status, body);
        }
        if (delivery instanceof GithubDelivery) {
            return github(delivery, status, body);
        }
        if (delivery instanceof DirectoryDelivery) {
            return expect(delivery, status, body, status == 200 ? Outcome.REPEATED : Outcome.ACCEPTED, 200, 201);
        }
        if (delivery instanceof OtlpMetricsDelivery || delivery instanceof OtlpLogsDelivery) {
            expect(delivery, status, body, Outcome.ACCEPTED, 200);
            JsonNode partial = read(delivery, body).path("partialSuccess");
            if (partial.path("rejectedDataPoints").asLong() > 0 || partial.path("rejectedLogRecords").asLong() > 0) {
                throw new DeliveryRefusedException(delivery.name() + " was partly refused: " + partial);
            }
            return Outcome.ACCEPTED;
        }
        if (delivery instanceof LiteLlmDelivery) {
            expect(delivery, status, body, Outcome.ACCEPTED, 200, 202);
            if (read(delivery, body).path("skipped").asLong() > 0) {
                throw new DeliveryRefusedException(delivery.name() + " had payloads skipped: " + body);
            }
            return Outcome.ACCEPTED;
        }
        return expect(delivery, status, body, Outcome.ACCEPTED, 202);
    }

    private static Outcome policy(Delivery delivery, int status, String body) {
        if (status == 409) {
            return Outcome.REPEATED;
        }
        return expect(delivery, status, body, status == 202 ? Outcome.PENDING : Outcome.ACCEPTED, 201, 202);
    }

    private static Outcome github(Delivery delivery, int status, String body) {
        expect(delivery, status, body, Outcome.ACCEPTED, 200, 202);
        String answer = read(delivery, body).path("status").asText();
        if (status == 202 && answer.equals("recorded")) {
            return Outcome.ACCEPTED;
        }
        if (status == 200 && answer.equals("already received")) {
            return Outcome.REPEATED;
        }
        throw new DeliveryRefusedException(delivery.name(), status, body);
    }

    private static Outcome expect(Delivery delivery, int status, String body, Outcome outcome, int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return outcome;
            }
        }
        throw new DeliveryRefusedException(delivery.name(), status, body);
    }

    private static JsonNode read(Delivery delivery, String body) {
        try {
            return body.isBlank() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            throw new DeliveryRefusedException(delivery.name() + " was answered with no JSON: " + body);
        }
    }
}
