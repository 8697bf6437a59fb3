package dev.aispend.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The demo month as deliveries, in the order they are sent: the directory and the budgets first (a budget counts
 * the spend recorded after it), then the usage and merges chunk by chunk, the phase switch before the chunk it
 * governs from.
 *
 * @param phaseBeforeChunk the index of the first chunk recorded in the OUTCOME phase
 */
public record DemoPlan(DemoMonth month, List<Delivery> setup, PhaseDelivery phase, int phaseBeforeChunk,
                       List<Chunk> chunks) {
    static final int USES_PER_METRICS_EXPORT = 200;
    static final int EVENTS_PER_LOGS_EXPORT = 400;
    static final int CALLS_PER_LITELLM_FLUSH = 200;
    static final int RECORDS_PER_USAGE_BATCH = 500;

    public static DemoPlan of(DemoMonth month) {
        List<Delivery> setup = new ArrayList<>();
        setup.add(DirectoryDelivery.of(month.people(), month.directoryValidFrom()));
        for (BudgetPlan budget : month.budgets()) {
            setup.add(new BudgetDelivery("budget " + budget.id(), budget.id(), PolicyJson.budget(budget)));
        }
        List<Chunk> chunks = new ArrayList<>();
        int phaseBefore = -1;
        List<Instant> bounds = bounds(month.spec());
        for (int index = 0; index + 1 < bounds.size(); index++) {
            if (phaseBefore < 0 && !bounds.get(index).isBefore(month.phase().from())) {
                phaseBefore = index;
            }
            chunks.add(chunk(month, bounds.get(index), bounds.get(index + 1)));
        }
        PhaseDelivery phase = new PhaseDelivery("phase " + month.phase().id(), month.phase().id(),
                PolicyJson.phase(month.phase()));
        return new DemoPlan(month, List.copyOf(setup), phase, phaseBefore < 0 ? chunks.size() : phaseBefore,
                List.copyOf(chunks));
    }

    public long spendRecords() {
        return chunks.stream().mapToLong(Chunk::spendRecords).sum();
    }

    public long mergedPullRequests() {
        return chunks.stream().mapToLong(Chunk::mergedPullRequests).sum();
    }

    public long deliveries() {
        return setup.size() + 1 + chunks.stream().mapToLong(chunk -> chunk.deliveries().size()).sum();
    }

    /** The period's start and end, every Monday and every first of a month between them (UTC midnights). */
    static List<Instant> bounds(DemoSpec spec) {
        TreeSet<Instant> bounds = new TreeSet<>(List.of(spec.start(), spec.end()));
        for (LocalDate day = LocalDate.ofInstant(spec.start(), ZoneOffset.UTC).plusDays(1);
             day.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(spec.end()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == java.time.DayOfWeek.MONDAY || day.getDayOfMonth() == 1) {
                bounds.add(day.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        }
        return List.copyOf(bounds);
    }

    private static Chunk chunk(DemoMonth month, Instant from, Instant to) {
        List<Use> uses = month.uses().stream().filter(use -> within(use.end(), from, to)).toList();
        List<MergedPullRequest> merges = month.pullRequests().stream()
                .filter(pr -> within(pr.mergedAt(), from, to)).toList();
        String day = LocalDate.ofInstant(from, ZoneOffset.UTC).toString();
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.addAll(batches(of(uses, Client.CLAUDE_CODE), USES_PER_METRICS_EXPORT,
                (part, n) -> new OtlpMetricsDelivery("otlp metrics " + n + " of " + day, OtlpJson.metrics(part),
                        spendRecords(part))));
        deliveries.addAll(ClaudeCodeEvents.deliveries(uses, day));
        deliveries.addAll(batches(of(uses, Client.GATEWAY), CALLS_PER_LITELLM_FLUSH,
                (part, n) -> new LiteLlmDelivery("litellm flush " + n + " of " + day, LiteLlmJson.payloads(part),
                        spendRecords(part))));
        List<Use> tools = uses.stream().filter(use -> use.person().client() == Client.SUPPORT_ASSISTANT
                || use.person().client() == Client.NOTEBOOK).toList();
        deliveries.addAll(batches(tools, RECORDS_PER_USAGE_BATCH,
                (part, n) -> new UsageBatchDelivery("usage batch " + n + " of " + day, UsageApiJson.batch(part),
                        spendRecords(part))));
        for (MergedPullRequest pr : merges) {
            deliveries.add(new GithubDelivery("github delivery " + pr.deliveryId() + " (" + pr.repository() + "#"
                    + pr.number() + ")", pr.deliveryId(), GithubJson.merged(pr)));
        }
        return new Chunk(from, to, List.copyOf(deliveries), spendRecords(uses),
                merges.size());
    }

    private static long spendRecords(List<Use> uses) {
        return uses.stream().mapToLong(Use::spendRecords).sum();
    }

    private static List<Use> of(List<Use> uses, Client client) {
        return uses.stream().filter(use -> use.person().client() == client).toList();
    }

    static <T> List<Delivery> batches(List<T> items, int size, java.util.function.BiFunction<List<T>, Integer,
            Delivery> delivery) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int first = 0; first < items.size(); first += size) {
            deliveries.add(delivery.apply(items.subList(first, Math.min(items.size(), first + size)),
                    first / size + 1));
        }
        return deliveries;
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
