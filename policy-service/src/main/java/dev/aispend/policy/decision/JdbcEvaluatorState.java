package dev.aispend.policy.decision;

import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.InvalidBudgetException;
import dev.aispend.policy.rules.PolicyVersion;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluator's memory in PostgreSQL, for one delivery of the policy projection, inside its transaction: read at
 * the start (budgets as of the checkpoint, clock, current periods), tallies read when first asked for, and
 * everything changed written back by {@link #flush} before the checkpoint advances. Tallies are written without
 * touching {@code reserved_usd_micros}, which belongs to checks; the rows are locked only for the final writes,
 * so checks wait at most for those.
 */
final class JdbcEvaluatorState implements EvaluatorState {
    static final String PROJECTION = "policy";

    private final Connection connection;
    private Instant clock;
    private boolean clockChanged;
    private final Map<String, BudgetVersion> budgets = new HashMap<>();
    private final Map<String, String> periodKeys = new HashMap<>();
    private final Map<String, String> changedPeriodKeys = new LinkedHashMap<>();
    private final Map<String, Optional<PeriodTally>> tallies = new HashMap<>();
    private final Map<String, BudgetTally> changedTallies = new LinkedHashMap<>();

    private record BudgetTally(String budgetId, PeriodTally tally) {
    }

    /**
     * Each budget's latest readable version among {@code versions} (every budget version recorded before a
     * delivery, by budget and version).
     */
    static Map<String, BudgetVersion> latestReadable(Collection<PolicyVersion> versions) {
        Map<String, BudgetVersion> latest = new HashMap<>();
        for (PolicyVersion version : versions) {
            try {
                latest.put(version.policyId(), new BudgetVersion(version.policyId(), version.version(),
                        version.ledgerPosition(), BudgetContent.parse(version.content())));
            } catch (InvalidBudgetException unreadable) {
                // Versions come in order: an unreadable one leaves its predecessor in force, as in BudgetEvaluator.
            }
        }
        return latest;
    }

    /**
     * Loads the state as it stood before the delivery: {@code budgetsBefore} is each budget's latest readable
     * version recorded before it ({@link #latestReadable}); this state keeps a copy of its own.
     */
    JdbcEvaluatorState(Connection connection, Map<String, BudgetVersion> budgetsBefore) throws SQLException {
        this.connection = connection;
        budgets.putAll(budgetsBefore);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ledger_clock FROM evaluator_clock WHERE projection = ?")) {
            select.setString(1, PROJECTION);
            try (ResultSet row = select.executeQuery()) {
                clock = row.next() ? Instant.parse(row.getString(1)) : null;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT budget_id, current_period_key FROM budget_state");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                periodKeys.put(row.getString(1), row.getString(2));
            }
        }
    }

    @Override
    public Optional<Instant> ledgerClock() {
        return Optional.ofNullable(clock);
    }

    @Override
    public void ledgerClock(Instant newClock) {
        clock = newClock;
        clockChanged = true;
    }

    @Override
    public Collection<BudgetVersion> budgets() {
        return budgets.values();
    }

    @Override
    public Optional<BudgetVersion> budget(String budgetId) {
        return Optional.ofNullable(budgets.get(budgetId));
    }

    @Override
    public void putBudget(BudgetVersion version) {
        budgets.put(version.budgetId(), version); // policy_version holds it already (PolicyStore).
    }

    @Override
    public Optional<String> currentPeriodKey(String budgetId) {
        return Optional.ofNullable(periodKeys.get(budgetId));
    }

    @Override
    public void currentPeriodKey(String budgetId, String periodKey) {
        periodKeys.put(budgetId, periodKey);
        changedPeriodKeys.put(budgetId, periodKey);
    }

    @Override
    public Optional<PeriodTally> tally(String budgetId, String periodKey) {
        return tallies.computeIfAbsent(key(budgetId, periodKey), ignored -> read(budgetId, periodKey));
    }

    @Override
    public void putTally(String budgetId, PeriodTally tally) {
        String key = key(budgetId, tally.periodKey());
        tallies.put(key, Optional.of(tally));
        changedTallies.put(key, new BudgetTally(budgetId, tally));
    }

    /** Writes what changed: the clock, the budgets' current periods, the tallies. */
    void flush() throws SQLException {
        if (clockChanged) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO evaluator_clock (projection, ledger_clock) VALUES (?, ?)
                    ON CONFLICT (projection) DO UPDATE SET ledger_clock = EXCLUDED.ledger_clock""")) {
                upsert.setString(1, PROJECTION);
                upsert.setString(2, clock.toString());
                upsert.executeUpdate();
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO budget_state (budget_id, current_period_key) VALUES (?, ?)
                ON CONFLICT (budget_id) DO UPDATE SET current_period_key = EXCLUDED.current_period_key""")) {
            for (Map.Entry<String, String> changed : changedPeriodKeys.entrySet()) {
                upsert.setString(1, changed.getKey());
                upsert.setString(2, changed.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        writeTallies();
    }

    /**
     * One statement for every changed tally, in (budget_id, period_key) order as the database sorts, the order
     * checks lock rows in: rows are created or locked and updated in that order, so the two never wait on each
     * other in a circle. Only the evaluator's columns are written; what checks hold is theirs.
     */
    private void writeTallies() throws SQLException {
        List<BudgetTally> changed = List.copyOf(changedTallies.values());
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO budget_period (budget_id, period_key, period_start, period_end, spent_usd_micros,
                    spent_as_of_position, crossed_thresholds, exhausted, forecast_alerted)
                SELECT b, k, s::timestamptz, e::timestamptz, spent, position,
                    string_to_array(crossed, ',')::integer[], exhausted, alerted
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                    ?::boolean[], ?::boolean[]) AS t(b, k, s, e, spent, position, crossed, exhausted, alerted)
                ORDER BY b, k
                ON CONFLICT (budget_id, period_key) DO UPDATE SET period_start = EXCLUDED.period_start,
                    period_end = EXCLUDED.period_end, spent_usd_micros = EXCLUDED.spent_usd_micros,
                    spent_as_of_position = EXCLUDED.spent_as_of_position,
                    crossed_thresholds = EXCLUDED.crossed_thresholds, exhausted = EXCLUDED.exhausted,
                    forecast_alerted = EXCLUDED.forecast_alerted""")) {
            int size = changed.size();
            Object[][] columns = new Object[9][size];
            for (int index = 0; index < size; index++) {
                PeriodTally tally = changed.get(index).tally();
                columns[0][index] = changed.get(index).budgetId();
                columns[1][index] = tally.periodKey();
                columns[2][index] = tally.periodStart().toString();
                columns[3][index] = tally.periodEnd().toString();
                columns[4][index] = tally.spentUsdMicros();
                columns[5][index] = tally.spentAsOfPosition();
                columns[6][index] = String.join(",", tally.crossedThresholds().stream().map(String::valueOf)
                        .toList());
                columns[7][index] = tally.exhausted();
                columns[8][index] = tally.forecastAlerted();
            }
            String[] types = {"text", "text", "text", "text", "bigint", "bigint", "text", "boolean", "boolean"};
            for (int column = 0; column < columns.length; column++) {
                upsert.setArray(column + 1, connection.createArrayOf(types[column], columns[column]));
            }
            upsert.executeUpdate();
        }
    }

    private Optional<PeriodTally> read(String budgetId, String periodKey) {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT period_start, period_end, spent_usd_micros, spent_as_of_position, crossed_thresholds,
                    exhausted, forecast_alerted FROM budget_period WHERE budget_id = ? AND period_key = ?""")) {
            select.setString(1, budgetId);
            select.setString(2, periodKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PeriodTally(periodKey, row.getTimestamp(1).toInstant(),
                        row.getTimestamp(2).toInstant(), row.getLong(3), row.getLong(4), thresholds(row.getArray(5)),
                        row.getBoolean(6), row.getBoolean(7)));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the tally of budget " + budgetId + " in " + periodKey,
                    failure);
        }
    }

    private static List<Integer> thresholds(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static String key(String budgetId, String periodKey) {
        return budgetId + '\u0000' + periodKey;
    }
}
