package dev.aispend.policy.check;

import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The authoritative state of pre-flight checks, in PostgreSQL: one transaction per check locks the budget_period
 * rows of its budgets (in key order, created when missing), judges the check on what they hold ({@link
 * CheckRule}), adds an allowed check's reservation to them, and stores the answer and the check decision (outbox)
 * before it commits. The row lock serializes every check of one budget period, on one
 * instance or many, so concurrent checks can never jointly take a hard-capped budget past its amount.
 *
 * <p>Releases (settlement, early release, expiry) delete reservation rows and subtract exactly what they deleted,
 * after locking the same rows in the same order; two releases of one reservation subtract it once.
 */
@Singleton
public class ReservationStore {
    private static final Comparator<PeriodRef> KEY_ORDER = Comparator.comparing(PeriodRef::budgetId)
            .thenComparing(PeriodRef::periodKey);

    /** Builds what the check stores from its verdict, inside its transaction. */
    @FunctionalInterface
    public interface CheckRecorder {
        CheckDocuments record(CheckVerdict verdict, @Nullable Reservation reservation);
    }

    /** A checkId answered before: the hash of its request and the response given. */
    public record StoredCheck(String requestSha256, String responseJson) {
    }

    private final LedgerTransactions transactions;

    public ReservationStore(LedgerTransactions transactions) {
        this.transactions = transactions;
    }

    public Optional<StoredCheck> findCheck(String checkId) {
        return inTransaction("read check " + checkId, connection -> CheckRows.find(connection, checkId));
    }

    /**
     * Judges and records one check in one transaction of three round trips (see the class comment and {@link
     * CheckStatements}). Throws {@link CheckIdTakenException} when the checkId was answered before, or a concurrent
     * check committed it first; {@link RulesMovedException} when the stored rules head is not the plan's; in both
     * cases nothing of this check is kept. {@link ReservationStoreException} on a database failure, {@link
     * ReservationStoreException#retryable() retryable} for a deadlock.
     */
    public CheckRecorded check(CheckPlan plan, CheckRecorder recorder) {
        return inTransaction("check " + plan.checkId(), connection -> {
            CheckStatements.Opened opened = CheckStatements.open(connection, plan);
            if (opened.earlier() != null) {
                throw new CheckIdTakenException(plan.checkId(), opened.earlier());
            }
            if (opened.rulesHead() != plan.rulesPosition()) {
                throw new RulesMovedException(plan.rulesPosition(), opened.rulesHead());
            }
            List<BudgetStanding> standings = new ArrayList<>(plan.budgets().size());
            for (BudgetInScope budget : plan.budgets()) {
                BudgetPeriodRows.Locked row = opened.rows().get(new PeriodRef(budget.budgetId(), budget.periodKey()));
                standings.add(new BudgetStanding(budget.budget(), budget.period(), row.spentUsdMicros(),
                        row.spentAsOfPosition(), row.reservedUsdMicros(), row.reservationCount()));
            }
            CheckVerdict verdict = CheckRule.decide(standings, plan.estimatedCostUsdMicros());
            Reservation reservation = null;
            List<PeriodRef> reserved = List.of();
            if (verdict.result().reserves() && plan.estimatedCostUsdMicros() > 0 && !verdict.budgets().isEmpty()) {
                reservation = new Reservation(plan.reservationId(), plan.estimatedCostUsdMicros(), plan.expiresAt());
                reserved = verdict.budgets().stream()
                        .map(budget -> new PeriodRef(budget.budgetId(), budget.standing().period().key())).toList();
            }
            CheckDocuments documents = recorder.record(verdict, reservation);
            CheckStatements.record(connection, plan, reserved, documents);
            return new CheckRecorded(verdict, reservation, documents);
        });
    }

    /**
     * Settles a reservation inside the caller's transaction (the policy projection's, which applies the usage that
     * carried the reservation id): deletes its rows and subtracts their amounts from reserved_usd_micros. A
     * reservation that is unknown, already settled, released or swept changes nothing. Returns the number of
     * budget periods released.
     */
    public int settle(Connection connection, String reservationId) {
        try {
            return releaseHeld(connection, reservationId);
        } catch (SQLException failure) {
            throw new ReservationStoreException("could not settle reservation " + reservationId, failure);
        }
    }

    /** Releases a reservation early, in a transaction of its own; false when there was nothing to release. */
    public boolean release(String reservationId) {
        return inTransaction("release " + reservationId, connection -> releaseHeld(connection, reservationId) > 0);
    }

    /**
     * Releases up to {@code limit} reservation rows that expired at {@code now} or before, oldest first, in one
     * transaction; returns how many rows it released (fewer than {@code limit}: none are left).
     */
    public int expire(Instant now, int limit) {
        return inTransaction("expire reservations", connection -> {
            List<String[]> expired = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT reservation_id, budget_id, period_key FROM reservation WHERE expires_at <= ?
                    ORDER BY expires_at LIMIT ?""")) {
                select.setObject(1, utc(now));
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expired.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
            if (expired.isEmpty()) {
                return 0;
            }
            TreeSet<PeriodRef> periods = new TreeSet<>(KEY_ORDER);
            expired.forEach(row -> periods.add(new PeriodRef(row[1], row[2])));
            BudgetPeriodRows.lock(connection, periods);
            List<BudgetPeriodRows.Release> released = deleteExpired(connection, expired, now);
            BudgetPeriodRows.release(connection, released);
            return released.size();
        });
    }

    /** Forgets up to {@code limit} answered checks older than {@code checkedBefore}; returns how many. */
    public int forgetChecks(Instant checkedBefore, int limit) {
        return inTransaction("forget checks", connection -> CheckRows.forget(connection, checkedBefore, limit));
    }

    /** A reservation still held, or empty when unknown, settled, released or swept. */
    public Optional<ReservationView> find(String reservationId) {
        return inTransaction("read reservation " + reservationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT budget_id, period_key, amount_usd_micros, check_id, created_at, expires_at
                    FROM reservation WHERE reservation_id = ? ORDER BY budget_id, period_key""")) {
                select.setString(1, reservationId);
                try (ResultSet rows = select.executeQuery()) {
                    List<ReservationView.Held> held = new ArrayList<>();
                    String checkId = null;
                    Instant createdAt = null;
                    Instant expiresAt = null;
                    while (rows.next()) {
                        held.add(new ReservationView.Held(rows.getString(1), rows.getString(2), rows.getLong(3)));
                        checkId = rows.getString(4);
                        createdAt = rows.getObject(5, OffsetDateTime.class).toInstant();
                        expiresAt = rows.getObject(6, OffsetDateTime.class).toInstant();
                    }
                    return held.isEmpty() ? Optional.<ReservationView>empty()
                            : Optional.of(new ReservationView(reservationId, checkId, createdAt, expiresAt, held));
                }
            }
        });
    }

    private static List<PeriodRef> refs(CheckPlan plan) {
        return plan.budgets().stream().map(budget -> new PeriodRef(budget.budgetId(), budget.periodKey())).toList();
    }

    private static int releaseHeld(Connection connection, String reservationId) throws SQLException {
        TreeSet<PeriodRef> periods = new TreeSet<>(KEY_ORDER);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT budget_id, period_key FROM reservation WHERE reservation_id = ?")) {
            select.setString(1, reservationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    periods.add(new PeriodRef(rows.getString(1), rows.getString(2)));
                }
            }
        }
        if (periods.isEmpty()) {
            return 0;
        }
        BudgetPeriodRows.lock(connection, periods);
        List<BudgetPeriodRows.Release> released = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM reservation WHERE reservation_id = ?
                RETURNING budget_id, period_key, amount_usd_micros""")) {
            delete.setString(1, reservationId);
            collectReleases(delete, released);
        }
        BudgetPeriodRows.release(connection, released);
        return released.size();
    }

    /** Deletes the rows still there and still expired: one settled meanwhile is not released twice. */
    private static List<BudgetPeriodRows.Release> deleteExpired(Connection connection, List<String[]> expired,
                                                               Instant now) throws SQLException {
        String[] ids = new String[expired.size()];
        List<PeriodRef> periods = new ArrayList<>(expired.size());
        for (int index = 0; index < expired.size(); index++) {
            ids[index] = expired.get(index)[0];
            periods.add(new PeriodRef(expired.get(index)[1], expired.get(index)[2]));
        }
        List<BudgetPeriodRows.Release> released = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM reservation r
                USING unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS t(reservation_id, budget_id, period_key)
                WHERE r.reservation_id = t.reservation_id AND r.budget_id = t.budget_id
                    AND r.period_key = t.period_key AND r.expires_at <= ?
                RETURNING r.budget_id, r.period_key, r.amount_usd_micros""")) {
            delete.setArray(1, BudgetPeriodRows.texts(connection, ids));
            BudgetPeriodRows.bindKeys(connection, delete, 2, periods);
            delete.setObject(4, utc(now));
            collectReleases(delete, released);
        }
        return released;
    }

    private static void collectReleases(PreparedStatement delete, List<BudgetPeriodRows.Release> released)
            throws SQLException {
        try (ResultSet rows = delete.executeQuery()) {
            while (rows.next()) {
                released.add(new BudgetPeriodRows.Release(new PeriodRef(rows.getString(1), rows.getString(2)),
                        rows.getLong(3), 1));
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        return transactions.inTransaction(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException failure) {
                throw new ReservationStoreException("could not " + what, failure);
            }
        });
    }
}
