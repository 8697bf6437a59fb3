package dev.aispend.policy.check;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.check.ReservationStore.utc;

/**
 * The two statements of one check, each one round trip to PostgreSQL, so the budget rows stay locked for as short
 * a time as the check allows: {@link #open} locks (creating when missing) the budget_period rows in key order and
 * returns them with the stored rules head and an earlier answer of the checkId; {@link #record} inserts the
 * reservation rows, adds the reservation to the locked rows, and stores the decision (outbox) and the answer. The
 * commit is the third round trip. Keys travel as arrays (unnest), so each statement has one shape whatever the
 * number of budgets, and PostgreSQL plans it once.
 */
final class CheckStatements {
    /** What {@link #open} found: the locked rows by key, the rules head, and the checkId's earlier answer. */
    record Opened(Map<PeriodRef, BudgetPeriodRows.Locked> rows, long rulesHead,
                  @Nullable ReservationStore.StoredCheck earlier) {
    }

    private CheckStatements() {
    }

    /**
     * Creates the rows that do not exist yet (nothing spent as of position 0, nothing reserved) and locks the ones
     * that do, in key order, in one statement: creating first and locking after would hold new rows while waiting
     * for older ones, out of order. The no-op update is what locks an existing row, and its RETURNING gives the
     * row as the last committed change left it (also when it waited for another check). The evaluator adds the
     * ledger's spend to the same row when it gets there.
     */
    static Opened open(Connection connection, CheckPlan plan) throws SQLException {
        List<BudgetInScope> budgets = plan.budgets();
        String[] ids = new String[budgets.size()];
        String[] keys = new String[budgets.size()];
        String[] starts = new String[budgets.size()];
        String[] ends = new String[budgets.size()];
        for (int index = 0; index < budgets.size(); index++) {
            BudgetInScope budget = budgets.get(index);
            ids[index] = budget.budgetId();
            keys[index] = budget.periodKey();
            starts[index] = budget.period().start().toString();
            ends[index] = budget.period().end().toString();
        }
        try (PreparedStatement open = connection.prepareStatement("""
                WITH locked AS (
                    INSERT INTO budget_period (budget_id, period_key, period_start, period_end, spent_usd_micros,
                        spent_as_of_position)
                    SELECT b, k, s::timestamptz, e::timestamptz, 0, 0
                    FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::text[]) AS t(b, k, s, e)
                    -- A checkId answered before locks nothing: its stored answer is the answer.
                    WHERE NOT EXISTS (SELECT 1 FROM check_request WHERE check_id = ?)
                    ORDER BY b, k
                    ON CONFLICT (budget_id, period_key) DO UPDATE SET budget_id = EXCLUDED.budget_id
                    RETURNING budget_id, period_key, spent_usd_micros, spent_as_of_position, reserved_usd_micros,
                        reservation_count)
                SELECT h.rules_position, c.request_sha256, c.response, l.budget_id, l.period_key,
                    l.spent_usd_micros, l.spent_as_of_position, l.reserved_usd_micros, l.reservation_count
                FROM policy_rules_head h
                LEFT JOIN check_request c ON c.check_id = ?
                LEFT JOIN locked l ON true
                WHERE h.id = 1""")) {
            open.setArray(1, BudgetPeriodRows.texts(connection, ids));
            open.setArray(2, BudgetPeriodRows.texts(connection, keys));
            open.setArray(3, BudgetPeriodRows.texts(connection, starts));
            open.setArray(4, BudgetPeriodRows.texts(connection, ends));
            open.setString(5, plan.checkId());
            open.setString(6, plan.checkId());
            return opened(open, budgets.size());
        }
    }

    private static Opened opened(PreparedStatement open, int budgets) throws SQLException {
        Map<PeriodRef, BudgetPeriodRows.Locked> rows = new HashMap<>();
        long rulesHead = -1;
        ReservationStore.StoredCheck earlier = null;
        try (ResultSet result = open.executeQuery()) {
            while (result.next()) {
                rulesHead = result.getLong(1);
                if (result.getString(2) != null) {
                    earlier = new ReservationStore.StoredCheck(result.getString(2), result.getString(3));
                }
                if (result.getString(4) != null) {
                    rows.put(new PeriodRef(result.getString(4), result.getString(5)), new BudgetPeriodRows.Locked(
                            result.getLong(6), result.getLong(7), result.getLong(8), result.getLong(9)));
                }
            }
        }
        if (rulesHead < 0) {
            throw new IllegalStateException("policy_rules_head has no row: the policy schema is not migrated");
        }
        if (earlier == null && rows.size() != budgets) {
            throw new IllegalStateException("budget_period rows missing: locked " + rows.keySet() + " of "
                    + budgets + " budgets");
        }
        return new Opened(rows, rulesHead, earlier);
    }

    /**
     * The reservation (its rows and their sum on the locked budget rows; nothing when {@code reserved} is empty),
     * the outbox row and the answer, in one statement, which also reads the rules head: its snapshot is taken with
     * every budget row locked, so a rule the projection committed while this check waited for a lock is seen (the
     * first statement's snapshot predates that wait), and the check rolls back ({@link RulesMovedException}). No
     * answer row means a concurrent check committed the same checkId first, and this transaction must roll back
     * ({@link CheckIdTakenException}).
     */
    static void record(Connection connection, CheckPlan plan, List<PeriodRef> reserved, CheckDocuments documents)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                WITH held AS (
                    INSERT INTO reservation (reservation_id, budget_id, period_key, amount_usd_micros, check_id,
                        expires_at, created_at)
                    SELECT ?, b, k, ?, ?, ?, ? FROM unnest(?::varchar[], ?::varchar[]) AS t(b, k)
                    RETURNING budget_id, period_key),
                added AS (
                    UPDATE budget_period p
                    SET reserved_usd_micros = p.reserved_usd_micros + ?, reservation_count = p.reservation_count + 1
                    FROM held h WHERE p.budget_id = h.budget_id AND p.period_key = h.period_key),
                decision AS (
                    INSERT INTO check_decision_outbox (decision_id, subject, payload, created_at)
                    VALUES (?, ?, ?, ?)
                    -- The same check committed meanwhile (same checkId and millisecond): the answer row says so.
                    ON CONFLICT (decision_id) DO NOTHING),
                answered AS (
                    INSERT INTO check_request (check_id, request_sha256, response, checked_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (check_id) DO NOTHING RETURNING 1)
                -- This statement's snapshot is taken with every lock held: the rules head as of then.
                SELECT (SELECT rules_position FROM policy_rules_head WHERE id = 1), (SELECT count(*) FROM answered)
                """)) {
            insert.setString(1, plan.reservationId());
            insert.setLong(2, plan.estimatedCostUsdMicros());
            insert.setString(3, plan.checkId());
            insert.setObject(4, utc(plan.expiresAt()));
            insert.setObject(5, utc(plan.checkedAt()));
            BudgetPeriodRows.bindKeys(connection, insert, 6, reserved);
            insert.setLong(8, plan.estimatedCostUsdMicros());
            insert.setString(9, documents.decisionId());
            insert.setString(10, documents.subject());
            insert.setString(11, documents.decisionJson());
            insert.setObject(12, utc(plan.checkedAt()));
            insert.setString(13, plan.checkId());
            insert.setString(14, plan.requestSha256());
            insert.setString(15, documents.responseJson());
            insert.setObject(16, utc(plan.checkedAt()));
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                if (result.getLong(1) != plan.rulesPosition()) {
                    throw new RulesMovedException(plan.rulesPosition(), result.getLong(1));
                }
                if (result.getLong(2) == 0) {
                    throw new CheckIdTakenException(plan.checkId(), null);
                }
            }
        }
    }
}
