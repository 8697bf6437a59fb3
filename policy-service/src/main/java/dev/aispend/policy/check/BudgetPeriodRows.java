package dev.aispend.policy.check;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget_period statements of releases. Every caller locks the rows it changes first, in (budget_id,
 * period_key) order ({@link #lock} here, {@link CheckStatements#open} for checks), so checks, settlements and the
 * sweeper on any number of instances wait for one another instead of deadlocking. Keys travel as arrays (unnest),
 * so each statement has one shape whatever the number of budgets, and PostgreSQL plans it once.
 */
final class BudgetPeriodRows {
    /** The check's view of a locked row. */
    record Locked(long spentUsdMicros, long spentAsOfPosition, long reservedUsdMicros, long reservationCount) {
    }

    /** What one release takes off one row. */
    record Release(PeriodRef period, long amountUsdMicros, int reservations) {
    }

    private BudgetPeriodRows() {
    }

    /** Locks the rows (they must exist) in key order and returns them by key. */
    static Map<PeriodRef, Locked> lock(Connection connection, Collection<PeriodRef> periods) throws SQLException {
        Map<PeriodRef, Locked> locked = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT p.budget_id, p.period_key, p.spent_usd_micros, p.spent_as_of_position,
                    p.reserved_usd_micros, p.reservation_count
                FROM budget_period p
                WHERE (p.budget_id, p.period_key) IN (SELECT * FROM unnest(?::varchar[], ?::varchar[]))
                ORDER BY p.budget_id, p.period_key
                FOR UPDATE OF p""")) {
            bindKeys(connection, select, 1, periods);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    locked.put(new PeriodRef(rows.getString(1), rows.getString(2)),
                            new Locked(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)));
                }
            }
        }
        if (locked.size() != periods.size()) {
            throw new IllegalStateException("budget_period rows missing: locked " + locked.keySet() + " of "
                    + periods);
        }
        return locked;
    }

    /** Takes released reservations off their rows (locked by the caller), one statement for all of them. */
    static void release(Connection connection, Collection<Release> releases) throws SQLException {
        Map<PeriodRef, long[]> totals = new HashMap<>();
        for (Release release : releases) {
            long[] total = totals.computeIfAbsent(release.period(), unused -> new long[2]);
            total[0] += release.amountUsdMicros();
            total[1] += release.reservations();
        }
        List<PeriodRef> periods = new ArrayList<>(totals.keySet());
        Long[] amounts = new Long[periods.size()];
        Long[] counts = new Long[periods.size()];
        for (int index = 0; index < periods.size(); index++) {
            amounts[index] = totals.get(periods.get(index))[0];
            counts[index] = totals.get(periods.get(index))[1];
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE budget_period p
                SET reserved_usd_micros = p.reserved_usd_micros - t.amount,
                    reservation_count = p.reservation_count - t.reservations
                FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[])
                    AS t(budget_id, period_key, amount, reservations)
                WHERE p.budget_id = t.budget_id AND p.period_key = t.period_key""")) {
            bindKeys(connection, update, 1, periods);
            update.setArray(3, connection.createArrayOf("bigint", amounts));
            update.setArray(4, connection.createArrayOf("bigint", counts));
            update.executeUpdate();
        }
    }

    /** Binds the budget ids and period keys of {@code periods} as two arrays, from parameter {@code first}. */
    static void bindKeys(Connection connection, PreparedStatement statement, int first,
                         Collection<PeriodRef> periods) throws SQLException {
        String[] ids = new String[periods.size()];
        String[] keys = new String[periods.size()];
        int index = 0;
        for (PeriodRef period : periods) {
            ids[index] = period.budgetId();
            keys[index] = period.periodKey();
            index++;
        }
        statement.setArray(first, texts(connection, ids));
        statement.setArray(first + 1, texts(connection, keys));
    }

    static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("varchar", values);
    }
}
