package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.ledger.LedgerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A long, seeded random ledger for the property test: spend of random teams, people, purposes, models and cost
 * centers moving forward in time with occasional backfill, re-pricings of earlier spend, budget creations and
 * edits (some invalid, some retiring), and entries that must not count: evidence, recorded decisions, outcomes,
 * rate cards and legacy usage. Only {@link Random} with the given seed decides anything.
 */
final class RandomLedger {
    private static final List<String> TEAMS = List.of("platform", "data", "web");
    private static final List<String> PURPOSES = List.of("coding", "review", "chat");
    private static final List<String> MODELS = List.of("model-a", "model-b");
    private static final List<String> COST_CENTERS = List.of("cc-1", "cc-2");
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "America/Asuncion");
    private static final List<Integer> PERCENTS = List.of(10, 25, 50, 75, 80, 90, 100);

    private final Random random;
    private final EvaluatorLedger ledger = new EvaluatorLedger();
    private final List<LedgerEvent> spends = new ArrayList<>();
    private final Map<Long, Spend> currentPrices = new HashMap<>();
    private final Map<String, Map<String, Object>> budgets = new LinkedHashMap<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    private RandomLedger(long seed) {
        random = new Random(seed);
    }

    static List<LedgerEvent> generate(long seed, int entries) {
        RandomLedger generator = new RandomLedger(seed);
        while (generator.ledger.position() < entries) {
            generator.next();
        }
        return generator.ledger.events();
    }

    private void next() {
        clock = clock.plusSeconds(random.nextInt(4 * 3600));
        int roll = random.nextInt(100);
        if (roll < 62) {
            spend();
        } else if (roll < 68) {
            repricing();
        } else if (roll < 75) {
            budget();
        } else if (roll < 80) {
            ledger.outcome(clock);
        } else if (roll < 83) {
            ledger.rateCard(clock);
        } else if (roll < 89) {
            ledger.evidence(pick(TEAMS), clock, 50_000_000);
        } else if (roll < 93) {
            ledger.recorded(new PolicyDecision("BUDGET_EXHAUSTED:b0:v1:2026-01@1", DecisionKinds.EXHAUSTED,
                    "budget:b0/2026-01", "b0", 1, List.of(), DecisionKinds.EXHAUSTED_RESULT, "made up", clock, 1L,
                    Map.of()));
        } else {
            ledger.legacyUsage(pick(TEAMS), clock);
        }
    }

    private void spend() {
        boolean backfill = random.nextInt(100) < 8;
        Instant at = backfill ? clock.minus(Duration.ofMinutes(random.nextInt(45 * 24 * 60))) : clock;
        long cost = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2_000_000);
        String team = pick(TEAMS);
        SpendRecorded spend = EvaluatorLedger.spendOf(team, "prs_" + team + "_" + random.nextInt(2),
                pick(PURPOSES), pick(MODELS), random.nextBoolean() ? pick(COST_CENTERS) : null, at, cost);
        LedgerEvent event = ledger.append(spend);
        spends.add(event);
        currentPrices.put(event.position(), spend.spend());
    }

    private void repricing() {
        if (spends.isEmpty()) {
            return;
        }
        LedgerEvent original = spends.get(random.nextInt(spends.size()));
        Spend previous = currentPrices.get(original.position());
        long newCost = random.nextInt((int) Math.min(4_000_000, 2 * previous.costUsdMicros() + 2));
        LedgerEvent event = ledger.append(EvaluatorLedger.repricingOf(original.position(),
                (SpendRecorded) original.payload(), previous, newCost, clock));
        currentPrices.put(original.position(), ((SpendRepriced) event.payload()).repriced());
    }

    private void budget() {
        String budgetId = "b" + random.nextInt(8);
        Map<String, Object> content = budgets.containsKey(budgetId) && random.nextInt(100) < 80
                ? edited(budgets.get(budgetId)) : fresh();
        if (random.nextInt(100) < 4) {
            Map<String, Object> invalid = new LinkedHashMap<>(content);
            invalid.put("colour", "red"); // recorded anyway: the evaluator keeps the version before
            ledger.budget(budgetId, invalid, clock);
            return;
        }
        budgets.put(budgetId, content);
        ledger.budget(budgetId, content, clock);
    }

    private Map<String, Object> fresh() {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (random.nextInt(100) < 75) {
            String team = pick(TEAMS);
            scope.put("team", team);
            if (random.nextInt(100) < 15) {
                scope.put("personRef", "prs_" + team + "_" + random.nextInt(2));
            }
        }
        putSometimes(scope, "purpose", PURPOSES);
        putSometimes(scope, "model", MODELS);
        putSometimes(scope, "costCenter", COST_CENTERS);
        String unit = random.nextInt(100) < 70 ? "MONTH" : random.nextBoolean() ? "QUARTER" : "YEAR";
        long monthly = 2_000_000 + random.nextInt(150_000_000);
        long amount = unit.equals("MONTH") ? monthly : unit.equals("QUARTER") ? 3 * monthly : 12 * monthly;
        return EvaluatorLedger.content(scope, unit, pick(ZONES), amount, thresholds(), random.nextBoolean(),
                random.nextInt(100) < 90);
    }

    private Map<String, Object> edited(Map<String, Object> content) {
        Map<String, Object> edited = new LinkedHashMap<>(content);
        long amount = ((Number) content.get("amountUsdMicros")).longValue();
        edited.put("amountUsdMicros", Math.max(1, amount / 2 + random.nextInt((int) Math.min(amount, 300_000_000))));
        if (random.nextBoolean()) {
            edited.put("softThresholdsPercent", thresholds());
        }
        if (random.nextInt(100) < 15) {
            edited.put("active", !(Boolean) content.get("active"));
        }
        if (random.nextInt(100) < 10) {
            edited.put("forecastAlert", !(Boolean) content.get("forecastAlert"));
        }
        if (random.nextInt(100) < 8) {
            edited.put("period", Map.of("unit", random.nextBoolean() ? "MONTH" : "QUARTER", "timeZone",
                    pick(ZONES)));
        }
        return edited;
    }

    private List<Integer> thresholds() {
        List<Integer> thresholds = new ArrayList<>();
        for (int percent : PERCENTS) {
            if (random.nextInt(100) < 40) {
                thresholds.add(percent);
            }
        }
        return thresholds;
    }

    private void putSometimes(Map<String, Object> scope, String field, List<String> values) {
        if (random.nextInt(100) < 12) {
            scope.put(field, pick(values));
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
