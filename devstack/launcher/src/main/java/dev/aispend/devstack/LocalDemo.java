package dev.aispend.devstack;

import dev.aispend.demo.DemoCredentials;
import dev.aispend.demo.DemoEndpoints;
import dev.aispend.demo.DemoGenerator;
import dev.aispend.demo.DemoLoader;
import dev.aispend.demo.DemoMonth;
import dev.aispend.demo.DemoPlan;
import dev.aispend.demo.DemoSpec;
import dev.aispend.demo.LoadSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * {@code ./run-local --demo}: loads the seeded demo month (docs/demo.md) into the local system through its real
 * APIs with tokens of the development issuer, then prints the dashboard's URLs with a token in the fragment.
 *
 * <p>The month is anchored in {@code <data>/demo/anchor} (seed and end) the first time: a later {@code --demo} on the
 * same data generates the very same month again and sends it again, and every delivery is a repeat (same ids, same
 * content), so nothing doubles and a load cut short is completed.
 */
final class LocalDemo {
    /** How long the printed dashboard tokens live. */
    static final Duration DASHBOARD_TOKEN_VALIDITY = Duration.ofHours(12);

    private LocalDemo() {
    }

    static void load(TokenIssuer issuer, Path dataDirectory, String githubWebhookSecret, long launcherStartNanos) {
        DemoSpec spec = anchor(dataDirectory.resolve("demo").resolve("anchor"), Instant.now());
        System.out.printf("loading the demo month (seed %d, the 30 days to %s) through the APIs...%n", spec.seed(),
                spec.end());
        DemoMonth month = DemoGenerator.generate(spec);
        String loader = issuer.token("demo-loader", List.of("ingest-client", "admin", "policy-owner",
                "finance-auditor"), List.of(), null, Duration.ofHours(2));
        LoadSummary summary = new DemoLoader(DemoEndpoints.local(), DemoCredentials.single(loader,
                githubWebhookSecret), System.out::println).load(DemoPlan.of(month));
        System.out.println(summary);
        String team = month.overBudget().team();
        String auditor = issuer.token("demo-finance", List.of("finance-auditor"), List.of(), null,
                DASHBOARD_TOKEN_VALIDITY);
        String lead = issuer.token("demo-lead-" + team, List.of("team-lead"), List.of(team), null,
                DASHBOARD_TOKEN_VALIDITY);
        System.out.printf("populated %.1f s after start-up. The dashboard (tokens valid %d hours):%n",
                (System.nanoTime() - launcherStartNanos) / 1e9, DASHBOARD_TOKEN_VALIDITY.toHours());
        System.out.println("  dashboard  http://127.0.0.1:8084/#token=" + auditor);
        System.out.println("  CFO        http://127.0.0.1:8084/cfo#token=" + auditor);
        System.out.println("  team       http://127.0.0.1:8084/teams/" + team + "#token=" + lead
                + "   (over budget)");
    }

    /** The spec recorded in {@code file}, else the default seed's 30 days ending {@code now}, recorded there. */
    static DemoSpec anchor(Path file, Instant now) {
        try {
            Properties anchor = new Properties();
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    anchor.load(reader);
                }
                return DemoSpec.month(Long.parseLong(anchor.getProperty("seed")),
                        Instant.parse(anchor.getProperty("end")));
            }
            DemoSpec spec = DemoSpec.month(DemoSpec.DEFAULT_SEED, now);
            anchor.setProperty("seed", Long.toString(spec.seed()));
            anchor.setProperty("end", spec.end().toString());
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file)) {
                anchor.store(writer, "the demo month ./run-local --demo loaded into this data directory");
            }
            return spec;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read or write the demo anchor " + file, failure);
        }
    }
}
