package dev.aispend.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An answer read as RFC 9457 problem details, as every service answers an error: its status and the fields its
 * reasons name. Empty when the answer is not {@code application/problem+json} with a JSON object body.
 */
public record Problem(int status, List<String> fields) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<Problem> of(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(MEDIA_TYPE)) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                return Optional.empty();
            }
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText(null)));
            return Optional.of(new Problem(body.path("status").asInt(), fields));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Whether {@code response} is problem details with its own status that names {@code field}. */
    public static boolean names(HttpResponse<String> response, String field) {
        return of(response).filter(problem -> problem.status() == response.statusCode())
                .filter(problem -> problem.fields().contains(field)).isPresent();
    }
}
