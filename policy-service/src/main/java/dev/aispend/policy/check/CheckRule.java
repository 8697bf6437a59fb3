package dev.aispend.policy.check;

import dev.aispend.platform.budget.BudgetDefinition;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule a pre-flight check applies to the budgets in its scope. Pure: the same standings and estimate give the
 * same verdict, on any machine, which is what lets a recorded check decision be re-derived from its evidence.
 *
 * <p>Per budget, with {@code remaining = amount - spent - reserved} and {@code projected = spent + reserved +
 * estimate}:
 * <ol>
 * <li>hard cap, and {@code remaining <= 0} or {@code estimate > remaining}: DENY. At exactly the limit the
 * estimate that uses up the rest is allowed (estimate == remaining), and once spent + reserved == amount every
 * further check is denied, an estimate of 0 too (the bypass in LiteLLM #33321 admitted requests at the limit);</li>
 * <li>projected reaches the amount, or a soft threshold ({@code projected × 100 >= amount × percent}; exactly at
 * the threshold counts): WARN;</li>
 * <li>else ALLOW. A budget without a hard cap never denies.</li>
 * </ol>
 * Inactive budgets are ignored. The check's result is the worst of its budgets' (DENY, then WARN, then ALLOW); the
 * budget that decided is, among those with that result, the one left with the smallest share of its amount after
 * the estimate, then the smallest budget id and period key, so the choice is total.
 */
public final class CheckRule {
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final Comparator<BudgetVerdict> SCOPE_ORDER = Comparator
            .comparing((BudgetVerdict verdict) -> verdict.budgetId())
            .thenComparing(verdict -> verdict.standing().period().key());

    private CheckRule() {
    }

    /** The verdict over every active budget of {@code standings}. */
    public static CheckVerdict decide(List<BudgetStanding> standings, long estimateUsdMicros) {
        requireEstimate(estimateUsdMicros);
        List<BudgetVerdict> verdicts = new ArrayList<>(standings.size());
        for (BudgetStanding standing : standings) {
            if (standing.budget().definition().active()) {
                verdicts.add(judge(standing, estimateUsdMicros));
            }
        }
        verdicts.sort(SCOPE_ORDER);
        if (verdicts.isEmpty()) {
            return new CheckVerdict(CheckResult.ALLOW, null, List.of(), "no active budget covers this check");
        }
        CheckResult worst = CheckResult.ALLOW;
        for (BudgetVerdict verdict : verdicts) {
            worst = worst.worst(verdict.result());
        }
        BudgetVerdict decidedBy = null;
        for (BudgetVerdict verdict : verdicts) {
            if (verdict.result() == worst
                    && (decidedBy == null || tighter(verdict, decidedBy, estimateUsdMicros))) {
                decidedBy = verdict;
            }
        }
        return new CheckVerdict(worst, decidedBy, verdicts, decidedBy.reason());
    }

    /** One budget's verdict; the caller skips inactive budgets. */
    public static BudgetVerdict judge(BudgetStanding standing, long estimateUsdMicros) {
        requireEstimate(estimateUsdMicros);
        BudgetDefinition definition = standing.budget().definition();
        long amount = definition.amountUsdMicros();
        long committed = saturatedAdd(standing.spentUsdMicros(), standing.reservedUsdMicros());
        long remaining = saturatedSubtract(amount, committed);
        long projected = saturatedAdd(committed, estimateUsdMicros);
        if (definition.hardCap() && remaining <= 0) {
            return new BudgetVerdict(standing, remaining, CheckResult.DENY, "hard cap of " + amount
                    + " USD micros reached: spent " + standing.spentUsdMicros() + ", reserved "
                    + standing.reservedUsdMicros() + ", nothing remains");
        }
        if (definition.hardCap() && estimateUsdMicros > remaining) {
            return new BudgetVerdict(standing, remaining, CheckResult.DENY, "hard cap of " + amount
                    + " USD micros: the estimate of " + estimateUsdMicros + " exceeds the " + remaining
                    + " remaining");
        }
        if (projected >= amount) {
            return new BudgetVerdict(standing, remaining, CheckResult.WARN, "the estimate of " + estimateUsdMicros
                    + " USD micros takes the budget to " + projected + " of its " + amount);
        }
        int reached = highestThresholdReached(definition.softThresholdsPercent(), projected, amount);
        if (reached > 0) {
            return new BudgetVerdict(standing, remaining, CheckResult.WARN, "the estimate of " + estimateUsdMicros
                    + " USD micros takes the budget to " + projected + " of its " + amount + ", past its "
                    + reached + " % threshold");
        }
        return new BudgetVerdict(standing, remaining, CheckResult.ALLOW, "within budget: " + remaining
                + " of " + amount + " USD micros remain before the estimate of " + estimateUsdMicros);
    }

    /** The highest threshold with {@code projected × 100 >= amount × percent}, or 0; exact, never overflowing. */
    static int highestThresholdReached(List<Integer> thresholdsPercent, long projected, long amount) {
        BigInteger projectedTimesHundred = BigInteger.valueOf(projected).multiply(HUNDRED);
        int reached = 0;
        for (int percent : thresholdsPercent) {
            if (projectedTimesHundred.compareTo(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(percent)))
                    >= 0) {
                reached = Math.max(reached, percent);
            }
        }
        return reached;
    }

    /** Whether {@code candidate} is left with a smaller share of its amount after the estimate than {@code best}. */
    private static boolean tighter(BudgetVerdict candidate, BudgetVerdict best, long estimate) {
        // (remainingC - e) / amountC < (remainingB - e) / amountB, cross-multiplied (amounts are positive).
        BigInteger candidateShare = BigInteger.valueOf(candidate.remainingUsdMicros()).subtract(BigInteger
                .valueOf(estimate)).multiply(BigInteger.valueOf(amountOf(best)));
        BigInteger bestShare = BigInteger.valueOf(best.remainingUsdMicros()).subtract(BigInteger.valueOf(estimate))
                .multiply(BigInteger.valueOf(amountOf(candidate)));
        return candidateShare.compareTo(bestShare) < 0;
    }

    private static long amountOf(BudgetVerdict verdict) {
        return verdict.standing().budget().definition().amountUsdMicros();
    }

    private static void requireEstimate(long estimateUsdMicros) {
        if (estimateUsdMicros < 0) {
            throw new IllegalArgumentException("an estimate is never negative, was " + estimateUsdMicros);
        }
    }

    /** Sums that leave the long range stay at its end: an overspent budget stays overspent, never wraps round. */
    static long saturatedAdd(long left, long right) {
        long sum = left + right;
        if (((left ^ sum) & (right ^ sum)) < 0) {
            return left < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    static long saturatedSubtract(long left, long right) {
        long difference = left - right;
        if (((left ^ right) & (left ^ difference)) < 0) {
            return left < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return difference;
    }
}
