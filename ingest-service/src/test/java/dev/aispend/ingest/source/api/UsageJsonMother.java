package dev.aispend.ingest.source.api;

/** Object mother for usage request bodies. */
public final class UsageJsonMother {
    private UsageJsonMother() {
    }

    public static String valid() {
        return valid("req-1", "platform");
    }

    public static String valid(String id, String team) {
        return """
                {"id": "%s", "occurredAt": "2026-11-22T10:15:30Z", "team": "%s", "person": "alice@example.com", \
                "model": "claude-sonnet-4-5", "inputTokens": 1200, "outputTokens": 340}""".formatted(id, team);
    }
}
