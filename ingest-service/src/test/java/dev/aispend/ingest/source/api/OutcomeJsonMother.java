package dev.aispend.ingest.source.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Object mother for outcome request bodies (docs/outcomes-api.md). */
public final class OutcomeJsonMother {
    private OutcomeJsonMother() {
    }

    /** A merged pull request by a GitHub login, assisted by Claude Code, an hour ago. */
    public static String mergedPullRequest(String id) {
        return """
                {"id": "%s", "kind": "pull_request_merged", "occurredAt": "%s", \
                "aliases": {"githubLogin": "octo-alice", "email": "alice@example.com"}, "team": "platform", \
                "repository": "acme/payments", "number": 481, "additions": 120, "deletions": 33, \
                "labels": ["feature", "ai-assisted"], \
                "aiAssistance": {"sessionIds": ["4f1c2a9e-5d7b-4c1e-9a3f-2b8d6e0c7a15"], \
                "coAuthoredBy": ["Claude <noreply@anthropic.com>"]}}""".formatted(id, anHourAgo());
    }

    /** Ten deployments of one person's service, counted by a pipeline. */
    public static String deployments(String id) {
        return """
                {"id": "%s", "kind": "deployment", "occurredAt": "%s", "person": "bob@example.com", \
                "source": "argo", "repository": "acme/checkout", "count": 10}""".formatted(id, anHourAgo());
    }

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
