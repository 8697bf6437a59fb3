package dev.aispend.policy.decision;

/**
 * The names the budget evaluator writes into a {@code PolicyDecision}: its kinds, their results, and the names
 * of its inputs. They are part of recorded decisions (and of their ids), so they never change.
 */
public final class DecisionKinds {
    /** A period's spend reached {@code amount × percent / 100} of a soft threshold (exactly at it too). */
    /** What every budget decision's kind starts with (verification compares those, checks are apart). */
    public static final String BUDGET_PREFIX = "BUDGET_";
    public static final String THRESHOLD_CROSSED = "BUDGET_THRESHOLD_CROSSED";
    /** A period's spend reached the budget's amount. */
    public static final String EXHAUSTED = "BUDGET_EXHAUSTED";
    /** At the linear rate so far, a period's spend reaches the amount before the period ends. */
    public static final String FORECAST_EXHAUSTION = "BUDGET_FORECAST_EXHAUSTION";
    /** The ledger clock entered a new period of the budget. */
    public static final String PERIOD_RESET = "BUDGET_PERIOD_RESET";

    public static final String CROSSED = "CROSSED";
    public static final String EXHAUSTED_RESULT = "EXHAUSTED";
    public static final String FORECAST = "FORECAST";
    public static final String RESET = "RESET";

    /** Input: the cost of a spend the budget counted (USD micros). */
    public static final String INPUT_SPEND = "spend";
    /** Input: the cost delta of a re-pricing the budget counted (USD micros, may be negative). */
    public static final String INPUT_REPRICING = "repricing";
    /** Input: the budget's own new version, with its amount (USD micros). */
    public static final String INPUT_BUDGET = "budget";
    /** Input: an entry that only moved the ledger clock for this budget, with the clock (epoch milliseconds). */
    public static final String INPUT_CLOCK = "clock";
    /** Input: the amount of the budget version in force, at the position that recorded that version. */
    public static final String INPUT_BUDGET_AMOUNT = "budget:amount";
    /** Input: the period's spend after the triggering entry, at the triggering position. */
    public static final String INPUT_PERIOD_SPENT = "period:spent";

    private DecisionKinds() {
    }
}
