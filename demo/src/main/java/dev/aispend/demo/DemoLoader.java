package dev.aispend.demo;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends a {@link DemoPlan} through the real HTTP APIs: the directory and the budgets, then chunk by chunk the
 * usage (OTLP, LiteLLM, the JSON API) and the signed GitHub deliveries, each chunk waited for in the reports before
 * the next (weeks close by the ledger's time of use), the phase switch where it belongs; then waits until the
 * reports stand at the ledger's head. Every answer is checked; a refused delivery stops the load, named.
 */
public final class DemoLoader {
    private static final int CONCURRENCY = 8;
    private static final Duration CHUNK_WITHIN = Duration.ofSeconds(120);

    private final DemoEndpoints endpoints;
    private final DemoCredentials credentials;
    private final Consumer<String> progress;

    public DemoLoader(DemoEndpoints endpoints, DemoCredentials credentials, Consumer<String> progress) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.progress = progress;
    }

    /**
     * Sends these deliveries as the loader sends its set-up (the directory, budgets, a phase): each answer checked,
     * a policy change waited for until the ledger records it, one the policy API already shows not sent again.
     */
    public void send(List<Delivery> deliveries) {
        try (Sender sender = new Sender(client(), endpoints, credentials, CONCURRENCY)) {
            sender.sendAll(deliveries);
        }
    }

    public LoadSummary load(DemoPlan plan) {
        long startNanos = System.nanoTime();
        try (Sender sender = new Sender(client(), endpoints, credentials, CONCURRENCY)) {
            ReportProbe probe = new ReportProbe(sender, endpoints, credentials.financeAuditor(), plan.month());
            sender.sendAll(plan.setup());
            long records = 0;
            long merged = 0;
            List<Chunk> chunks = plan.chunks();
            for (int index = 0; index < chunks.size(); index++) {
                if (index == plan.phaseBeforeChunk()) {
                    sender.send(plan.phase());
                }
                Chunk chunk = chunks.get(index);
                sender.sendAll(chunk.deliveries());
                records += chunk.spendRecords();
                merged += chunk.mergedPullRequests();
                probe.awaitCounts(records, merged, CHUNK_WITHIN, "the usage up to " + chunk.to());
                progress.accept(String.format("  %s .. %s: %,d usage records, %d merged PRs recorded (%.1f s)",
                        chunk.from(), chunk.to(), chunk.spendRecords(), chunk.mergedPullRequests(),
                        (System.nanoTime() - startNanos) / 1e9));
            }
            if (plan.phaseBeforeChunk() >= chunks.size()) {
                sender.send(plan.phase());
            }
            long head = probe.awaitLedgerHead(CHUNK_WITHIN);
            return new LoadSummary(records, merged, plan.month().people().size(), plan.month().teams().size(),
                    plan.deliveries(), sender.count(Answers.Outcome.ACCEPTED) + sender.count(Answers.Outcome.PENDING),
                    sender.count(Answers.Outcome.REPEATED), head, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    /** HTTP/1.1: the default HTTP/2 attempts an h2c upgrade on cleartext, which Micronaut declines. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
