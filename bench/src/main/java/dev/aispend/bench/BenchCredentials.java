package dev.aispend.bench;

import dev.aispend.devstack.DevelopmentTokens;
import dev.aispend.devstack.TokenIssuer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bearer credentials the benchmark sends: {@code BENCH_TOKEN} when set (a token or API key for a deployed
 * system), else a token with every organisation-wide role from the local system's development issuer, whose key
 * {@code ./run-local} keeps in {@code ./data} ({@code BENCH_DATA_DIR} to point elsewhere).
 */
final class BenchCredentials {
    private static final List<String> ROLES = List.of("ingest-client", "gateway", "policy-owner", "finance-auditor",
            "compliance-officer", "admin");
    private static volatile String bearer;

    private BenchCredentials() {
    }

    static String bearer() {
        String value = bearer;
        if (value == null) {
            value = "Bearer " + credential();
            bearer = value;
        }
        return value;
    }

    /** The credential without {@code Bearer }, for clients that add the scheme themselves (the demo's requests). */
    static String token() {
        return bearer().substring("Bearer ".length());
    }

    /**
     * The secret GitHub deliveries are signed with: {@code BENCH_GITHUB_WEBHOOK_SECRET}, else the one
     * {@code ./run-local} keeps in {@code ./data/secrets/github-webhook-secret}.
     */
    static String githubWebhookSecret() {
        String given = System.getenv("BENCH_GITHUB_WEBHOOK_SECRET");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = Path.of(System.getenv().getOrDefault("BENCH_DATA_DIR", "data"), "secrets",
                "github-webhook-secret").toAbsolutePath();
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("no GitHub webhook secret: set BENCH_GITHUB_WEBHOOK_SECRET, or run the "
                    + "benchmark from the repository root of a ./run-local system (" + file + ")", unreadable);
        }
    }

    private static String credential() {
        String given = System.getenv("BENCH_TOKEN");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String dataDirectory = System.getenv().getOrDefault("BENCH_DATA_DIR", "data");
        Path keyFile = DevelopmentTokens.keyFile(Path.of(dataDirectory).toAbsolutePath());
        if (!Files.exists(keyFile)) {
            throw new IllegalStateException("no credentials: set BENCH_TOKEN, or run the benchmark from the "
                    + "repository root of a ./run-local system (its issuer key is " + keyFile + ")");
        }
        return TokenIssuer.readOrCreate(keyFile, TokenIssuer.DEVELOPMENT_ISSUER)
                .token("bench", ROLES, List.of(), null, Duration.ofHours(8));
    }
}
