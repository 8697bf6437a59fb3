package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded ledger for {@link BudgetEvaluationIT}, one payload at a time: six budgets of one seed (ids prefixed
 * "s&lt;seed&gt;-"; scoped by team, team and purpose, person, model, or nothing) with thresholds and mostly
 * forecasts, in Europe/Berlin and America/New_York, monthly and quarterly; one created mid-stream, one lowered
 * (crossing thresholds at the change), one raised and moved to another zone (re-arming), one retired. Spend of
 * four teams moving forward across period boundaries, with some backfill into the period before, at nanosecond
 * event times (what the ledger may hold, finer than TIMESTAMPTZ); re-pricings of earlier spend; and entries that
 * must not count: identity links, outcomes (clock only), evidence and echoes of decisions already made. Only
 * {@link Random} with the seed decides anything.
 */
final class BudgetLedgerStream {
    private static final List<String> TEAMS = List.of("platform", "data", "web", "research");
    private static final List<String> PURPOSES = List.of("coding", "chat");
    private static final List<String> MODELS = List.of("model-a", "model-b");
    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";

    private final Random random;
    private final String prefix;
    private final int entries;
    private final long firstPosition;
    private final Map<Integer, Runnable> budgetActions = new HashMap<>();
    private final Map<String, Map<String, Object>> contents = new LinkedHashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final List<Long> spendPositions = new ArrayList<>();
    private final Map<Long, SpendRecorded> spends = new HashMap<>();
    private final Map<Long, Spend> currentPrices = new HashMap<>();
    private Instant clock;
    private int index;
    private LedgerPayload scheduled;

    /** {@code entries} payloads for ledger positions from {@code firstPosition}, times from {@code start} on. */
    BudgetLedgerStream(long seed, int entries, long firstPosition, Instant start) {
        this.random = new Random(seed);
        this.prefix = "s" + seed + "-";
        this.entries = entries;
        this.firstPosition = firstPosition;
        this.clock = start;
        budgetActions.put(0, () -> create("platform", Map.of("team", "platform"), "MONTH", BERLIN,
                amount(40_000_000), List.of(25, 50, 75, 90, 100), true));
        budgetActions.put(1, () -> create("data", Map.of("team", "data"), "QUARTER", NEW_YORK,
                amount(120_000_000), List.of(10, 25, 50, 75, 90), true));
        budgetActions.put(2, () -> create("web-coding", Map.of("team", "web", "purpose", "coding"), "MONTH",
                NEW_YORK, amount(12_000_000), List.of(50, 80, 100), false));
        budgetActions.put(3, () -> create("research-person", Map.of("team", "research", "personRef",
                "prs_research_0"), "MONTH", BERLIN, amount(12_000_000), List.of(50, 100), true));
        budgetActions.put(4, () -> create("model-b", Map.of("model", "model-b"), "MONTH", NEW_YORK,
                amount(120_000_000), List.of(20, 40, 60, 80, 100), true));
        budgetActions.put(between(0.15, 0.30), () -> create("organization", Map.of(), "QUARTER", BERLIN,
                amount(500_000_000), List.of(10, 25, 50, 75, 90), true));
        budgetActions.put(between(0.40, 0.55), () -> edit("platform", content -> content.put("amountUsdMicros",
                ((Number) content.get("amountUsdMicros")).longValue() * 3 / 5)));
        budgetActions.put(between(0.60, 0.75), () -> edit("data", content -> {
            content.put("amountUsdMicros", ((Number) content.get("amountUsdMicros")).longValue() * 2);
            content.put("period", Map.of("unit", "QUARTER", "timeZone", BERLIN));
        }));
        budgetActions.put(between(0.80, 0.95), () -> edit("web-coding", content -> content.put("active", false)));
    }

    boolean hasNext() {
        return index < entries;
    }

    /** The latest event time given to an entry (the ledger clock is at most this). */
    Instant clock() {
        return clock;
    }

    /** The next payload; {@code latestDecision} (the evaluator's last, if any) is what an echo records. */
    LedgerPayload next(@Nullable PolicyDecision latestDecision) {
        clock = clock.plusSeconds(random.nextInt(4 * 3600)).plusNanos(random.nextInt(1_000_000_000));
        long position = firstPosition + index;
        Runnable budgetAction = budgetActions.get(index);
        index++;
        if (budgetAction != null) {
            budgetAction.run();
            return scheduled;
        }
        int roll = random.nextInt(100);
        if (roll < 80) {
            return spend(position);
        } else if (roll < 86) {
            return repricing();
        } else if (roll < 90) {
            return new OutcomeRecorded("outcome-" + position, "PULL_REQUEST_MERGED", "prs_platform_0", "platform",
                    null, null, null, null, null, List.of(), OutcomeRecord.AiAssistance.NONE, "github", clock, clock,
                    "e".repeat(64), null, null);
        } else if (roll < 94) {
            return new UsageEvidenceRecorded(EvaluatorLedger.spendOf(pick(TEAMS), "prs_evidence", "coding",
                    "model-a", null, clock, 50_000_000));
        } else if (roll < 97 && latestDecision != null) {
            return PolicyDecisionRecorded.of(latestDecision, "d".repeat(64));
        }
        String team = pick(TEAMS);
        return new IdentityLinked("link-" + position, "alias-" + position, "email", "prs_" + team + "_0", team,
                random.nextBoolean() ? "cc-1" : null, "hr", clock, clock, "c".repeat(64));
    }

    private SpendRecorded spend(long position) {
        boolean backfill = random.nextInt(100) < 8;
        Instant at = backfill ? clock.minus(Duration.ofMinutes(random.nextInt(40 * 24 * 60)))
                .minusNanos(random.nextInt(1_000_000_000)) : clock;
        long cost = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2_000_000);
        String team = pick(TEAMS);
        SpendRecorded spend = EvaluatorLedger.spendOf(team, "prs_" + team + "_" + random.nextInt(2), pick(PURPOSES),
                pick(MODELS), random.nextBoolean() ? "cc-1" : null, at, cost);
        spendPositions.add(position);
        spends.put(position, spend);
        currentPrices.put(position, spend.spend());
        return spend;
    }

    /** A correction of an earlier spend of this stream (up or down), requested now. */
    private LedgerPayload repricing() {
        if (spendPositions.isEmpty()) {
            return spend(firstPosition + index - 1);
        }
        long original = spendPositions.get(random.nextInt(spendPositions.size()));
        Spend previous = currentPrices.get(original);
        long newCost = random.nextInt((int) Math.min(4_000_000, 2 * previous.costUsdMicros() + 2));
        SpendRepriced repriced = EvaluatorLedger.repricingOf(original, spends.get(original), previous, newCost, clock);
        currentPrices.put(original, repriced.repriced());
        return repriced;
    }

    private void create(String name, Map<String, Object> scope, String unit, String timeZone, long amount,
                        List<Integer> thresholds, boolean forecastAlert) {
        Map<String, Object> content = EvaluatorLedger.content(scope, unit, timeZone, amount, thresholds,
                forecastAlert, true);
        content.put("hardCap", random.nextBoolean());
        record(prefix + name, content);
    }

    private void edit(String name, Consumer<Map<String, Object>> change) {
        Map<String, Object> content = new LinkedHashMap<>(contents.get(prefix + name));
        change.accept(content);
        record(prefix + name, content);
    }

    private void record(String budgetId, Map<String, Object> content) {
        contents.put(budgetId, content);
        long version = versions.merge(budgetId, 1L, Long::sum);
        scheduled = new PolicyChanged("request-" + budgetId + "-" + version, budgetId, PolicyKind.BUDGET, version,
                "owner@example", content, List.of(), clock, clock, "a".repeat(64));
    }

    /** The amount around {@code typical}: from half to one and a half of it. */
    private long amount(long typical) {
        return typical / 2 + (long) (random.nextDouble() * typical);
    }

    private int between(double from, double to) {
        int low = (int) (entries * from);
        return low + random.nextInt(Math.max(1, (int) (entries * to) - low));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
