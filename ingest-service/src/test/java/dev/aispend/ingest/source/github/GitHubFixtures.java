package dev.aispend.ingest.source.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** GitHub's payloads from test-support's {@code fixtures/github/} (README there says where each comes from). */
final class GitHubFixtures {
    static final String MERGED = "pull_request.closed.merged.json";
    static final String UNMERGED = "pull_request.closed.unmerged.json";
    static final String PING = "ping.json";
    /** GitHub's example pull request: its id, and the time the example closes (and our derived one merges) it. */
    static final long PULL_REQUEST_ID = 279147437L;
    static final String EXAMPLE_CLOSED_AT = "2019-05-15T15:21:18Z";

    private GitHubFixtures() {
    }

    static String text(String name) {
        try (InputStream fixture = GitHubFixtures.class.getClassLoader()
                .getResourceAsStream("fixtures/github/" + name)) {
            if (fixture == null) {
                throw new IllegalStateException("no fixture fixtures/github/" + name + " on the classpath");
            }
            return new String(fixture.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The merged example, merged (and closed) at {@code mergedAt}: live outcomes older than 400 days are refused. */
    static String mergedAt(Instant mergedAt) {
        return text(MERGED).replace("\"" + EXAMPLE_CLOSED_AT + "\"", "\"" + mergedAt + "\"");
    }
}
