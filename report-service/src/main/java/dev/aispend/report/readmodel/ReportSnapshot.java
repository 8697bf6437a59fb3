package dev.aispend.report.readmodel;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One consistent read of the serving generation (a REPEATABLE READ transaction): the position the report is as
 * of, and the position the read models had applied when the snapshot began. A report over the lines up to
 * {@code asOfPosition} is the same whatever was applied after it.
 *
 * @param appliedPosition what the read models hold; {@code asOfPosition <= appliedPosition}
 */
public record ReportSnapshot(Connection connection, int generation, long asOfPosition, long appliedPosition) {

    /** Whether the report is as of everything applied, so the *_daily sums can be read as they are. */
    public boolean latest() {
        return asOfPosition == appliedPosition;
    }

    /** When the ledger recorded the entry at {@code asOfPosition} (the latest recordedAt up to it); null at 0. */
    @Nullable
    public Instant asOfRecordedAt() {
        return instant("SELECT recorded_max FROM ledger_clock WHERE first_position <= ? "
                + "ORDER BY first_position DESC LIMIT 1", asOfPosition);
    }

    /**
     * The ledger clock at {@code asOfPosition}, as policy-service keeps it: the latest time of use among the spend,
     * outcomes and policy changes recorded up to it; null when there are none. Never the wall clock, so a report
     * that needs "now" (month to date, a forecast) says the same whenever it is asked.
     */
    @Nullable
    public Instant ledgerClock() {
        Instant latest = null;
        for (String sql : new String[]{
                "SELECT occurred_at FROM spend_line WHERE position <= ? AND line_kind = 'SPEND' "
                        + "ORDER BY occurred_at DESC LIMIT 1",
                "SELECT occurred_at FROM outcome_line WHERE position <= ? ORDER BY occurred_at DESC LIMIT 1",
                "SELECT occurred_at FROM policy_version WHERE position <= ? ORDER BY occurred_at DESC LIMIT 1"}) {
            Instant candidate = instant(sql, asOfPosition);
            if (candidate != null && (latest == null || candidate.isAfter(latest))) {
                latest = candidate;
            }
        }
        return latest;
    }

    @Nullable
    private Instant instant(String sql, long position) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Timestamp value = row.getTimestamp(1);
                return value == null ? null : value.toInstant();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the ledger time", failure);
        }
    }
}
