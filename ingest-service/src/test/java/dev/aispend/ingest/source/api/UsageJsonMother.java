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

    /** Every field of the documented record: aliases instead of a person, no team (the directory's). */
    public static String complete(String id) {
        return """
                {"id": "%s", "occurredAt": "2026-11-22T10:15:30Z", "source": "my-gateway", "provider": "anthropic", \
                "model": "claude-sonnet-4-5", "aliases": {"email": "alice@example.com", "githubLogin": "alice-gh", \
                "providerAccountId": "user_01", "apiKeyId": "key_01"}, "purpose": "code-review", \
                "sessionId": "session-1", "requestId": "req_011", "reportedCostUsdMicros": 12345, \
                "attributes": {"repository": "acme/api"}, "inputTokens": 1200, "outputTokens": 340, \
                "cacheReadTokens": 5000, "cacheWrite5mTokens": 100}""".formatted(id);
    }
}
