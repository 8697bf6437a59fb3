package dev.aispend.bench;

import dev.aispend.demo.Delivery;
import dev.aispend.demo.DeliveryRefusedException;
import dev.aispend.demo.DemoCredentials;
import dev.aispend.demo.DemoEndpoints;
import dev.aispend.demo.DemoGenerator;
import dev.aispend.demo.DemoLoader;
import dev.aispend.demo.DemoPlan;
import dev.aispend.demo.DemoSpec;
import dev.aispend.demo.DirectoryDelivery;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * End to end under the demo's load: a month (or up to 92 days) of the demo generator at up to a thousand people, sent
 * as its clients send it (Claude Code's OTLP metrics and api_request events, LiteLLM flushes, JSON API batches,
 * GitHub's signed merge deliveries), as fast as {@code --load-concurrency} requests in flight allow, while the
 * demo's phase switch and a budget of the run are recorded mid-run and checks run at {@code --load-checks-per-second}.
 * Measures acknowledgement latency per request, the acknowledged and end-to-end rates (to the spend report), the
 * end-to-end lag ({@link VisibilityLag}), the ledger's head rate and its append stage alone (its own timer of
 * decoding, appending and committing batches, at /prometheus).
 */
final class DemoLoadPhase {

    private DemoLoadPhase() {
    }

    static Map<String, Object> run(HttpClient client, RunOptions options, long seed, Instant end) throws Exception {
        RunOptions.Urls urls = options.urls();
        long generating = System.nanoTime();
        DemoSpec spec = new DemoSpec(seed, end, options.loadDays(), options.loadPeople());
        DemoPlan plan = DemoPlan.of(DemoGenerator.generate(spec));
        System.out.printf("  generated %,d spend records, %,d merged PRs in %,d deliveries (seed %d, %d people, %d days)"
                        + " in %.1f s%n", plan.spendRecords(), plan.mergedPullRequests(), plan.deliveries(), seed,
                options.loadPeople(), options.loadDays(), (System.nanoTime() - generating) / 1e9);
        DemoEndpoints endpoints = new DemoEndpoints(urls.ingest(), urls.ledger(), urls.policy(), urls.report());
        DemoCredentials credentials = DemoCredentials.single(BenchCredentials.token(),
                BenchCredentials.githubWebhookSecret());
        DemoLoader loader = new DemoLoader(endpoints, credentials, System.out::println);
        sendSetup(loader, plan, end);
        CheckBudgets.ensure(client, urls.policy());

        String range = "from=" + LocalDate.ofInstant(spec.start(), ZoneOffset.UTC) + "&to="
                + LocalDate.ofInstant(spec.end(), ZoneOffset.UTC);
        List<Delivery> deliveries = new ArrayList<>();
        plan.chunks().forEach(chunk -> deliveries.addAll(chunk.deliveries()));
        int phaseAt = plan.chunks().stream().limit(plan.phaseBeforeChunk())
                .mapToInt(chunk -> chunk.deliveries().size()).sum();
        IntakeTimer intake = IntakeTimer.start(client, urls.ledger());
        ReportVisibility visibility = new ReportVisibility(client, urls.report(), range);
        MidRunLoad midRun = new MidRunLoad(client, urls.policy(), seed, options.loadChecksPerSecond());
        DeliverySender.Outcome sent;
        long startNanos = System.nanoTime();
        try (LedgerHeadSampler head = new LedgerHeadSampler(client, urls.ledger()); visibility; midRun) {
            System.out.printf("  sending %,d deliveries, %d in flight...%n", deliveries.size(),
                    options.loadConcurrency());
            List<CompletableFuture<?>> policyChanges = new ArrayList<>();
            sent = new DeliverySender(client, endpoints, credentials, options.loadConcurrency()).sendAll(deliveries,
                    index -> {
                        if (index == phaseAt) {
                            policyChanges.add(midRun.change("the demo's phase switch",
                                    () -> loader.send(List.of(plan.phase()))));
                        }
                        if (index == deliveries.size() / 3) {
                            policyChanges.add(midRun.change("a budget of the run", midRun::createRunBudget));
                        }
                    });
            System.out.printf("  all acknowledged in %.1f s; waiting until the spend report shows them...%n",
                    (sent.lastAckNanos() - startNanos) / 1e9);
            visibility.awaitAtLeast(plan.spendRecords(), options.visibleTimeoutSeconds());
            policyChanges.forEach(CompletableFuture::join);
            Map<String, Object> result = figures(plan, sent, visibility, startNanos);
            result.put("ledgerHead", Map.of("positionsAppended", head.lastPosition() - head.startPosition(),
                    "positionsPerSecondWhileMoving", head.appendRate()));
            result.put("ledgerIntake", intake.figures());
            midRun.close();
            result.put("midRun", midRun.figures());
            return result;
        }
    }

    /**
     * The directory and the budgets. Another seed's people on the same system may share a name (an email) but not a
     * team: the directory then refuses entries valid from the period's start, so they are recorded as moves from
     * the end of the period instead (the ledger keeps both; usage before then stays with the earlier team).
     */
    private static void sendSetup(DemoLoader loader, DemoPlan plan, Instant end) {
        try {
            loader.send(plan.setup());
        } catch (DeliveryRefusedException refused) {
            if (!(plan.setup().get(0) instanceof DirectoryDelivery) || !refused.getMessage().startsWith("directory")) {
                throw refused;
            }
            System.out.printf("  the directory holds other entries for some of these people (another seed's): "
                    + "recorded as moves from %s%n", end);
            List<Delivery> setup = new ArrayList<>(plan.setup());
            setup.set(0, DirectoryDelivery.of(plan.month().people(), end));
            loader.send(setup);
        }
    }

    private static Map<String, Object> figures(DemoPlan plan, DeliverySender.Outcome sent,
                                               ReportVisibility visibility, long startNanos) {
        Map<String, Object> result = new LinkedHashMap<>();
        double acknowledgedSeconds = (sent.lastAckNanos() - startNanos) / 1e9;
        double visibleSeconds = (visibility.reachedNanos() - startNanos) / 1e9;
        result.put("spendRecords", plan.spendRecords());
        result.put("mergedPullRequests", plan.mergedPullRequests());
        result.put("requests", sent.requests());
        result.put("requestsByKind", sent.requestsByKind());
        result.put("retriesAfter503", sent.retries());
        result.put("acknowledgedSeconds", acknowledgedSeconds);
        result.put("acknowledgedRecordsPerSecond", plan.spendRecords() / acknowledgedSeconds);
        result.put("endToEndSeconds", visibleSeconds);
        result.put("endToEndRecordsPerSecond", plan.spendRecords() / visibleSeconds);
        result.put("acknowledgementLatency", LatencyFigures.millis(sent.latencyNanos()));
        Map<String, Object> byKind = new LinkedHashMap<>();
        sent.latencyNanosByKind().forEach((kind, nanos) -> byKind.put(kind, LatencyFigures.millis(nanos)));
        result.put("acknowledgementLatencyByKind", byKind);
        result.put("endToEndLag", VisibilityLag.of(sent.acks(), visibility.samples()).figures());
        return result;
    }
}
