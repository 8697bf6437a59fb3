package dev.aispend.report.anomalies;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Anomaly flags dated in a range (a flag is dated at its window's end), open or cleared as of one ledger position,
 * with the flagged spend and its share of all spend over the range's UTC days (docs/reports-gamification.md).
 * {@code flags} lists each flag only for callers who may see people (and only those of {@code status} when asked);
 * {@code byTeam} and {@code totals} always count both statuses. Money is integer USD micros.
 */
@Serdeable
public record AnomalyReport(ReportAsOf asOf, LocalDate from, LocalDate to, @Nullable String team,
                            @Nullable String status, Totals totals, @Nullable List<FlagRow> flags,
                            List<TeamRow> byTeam, Suppression suppression) {

    /** All spend in the range (the spend read model), and the flagged spend open, cleared and both. */
    @Serdeable
    public record Totals(long spendUsdMicros, Part open, Part cleared, Part flagged) {
    }

    /**
     * Flags, windows (a person's window once however many rules flagged it) and their flagged spend, with its share
     * of the spend it is compared with: a decimal fraction to four places (half-even), null when that spend is 0.
     */
    @Serdeable
    public record Part(long flags, long windows, long spendUsdMicros, @Nullable BigDecimal shareOfSpend) {
    }

    /** One flag; {@code clearing} once a reviewer cleared it (as of the position). */
    @Serdeable
    public record FlagRow(String decisionId, String ruleId, long ruleVersion, @Nullable String rule,
                          @Nullable String name, @Nullable String team, String personRef, @Nullable String windowKey,
                          long flaggedSpendUsdMicros, Instant flaggedAt, long ledgerPosition, String status,
                          @Nullable Clearing clearing) {
    }

    @Serdeable
    public record Clearing(String decisionId, @Nullable String clearedBy, @Nullable String reason,
                           Instant clearedAt, long ledgerPosition) {
    }

    /**
     * A team's flags (the team the flag names), its spend in the range, and how many people it has there (those
     * with spend, or flagged, whichever is more). A hidden team ({@code suppressed}) has no figures.
     */
    @Serdeable
    public record TeamRow(@Nullable String team, long people, boolean suppressed, @Nullable Long spendUsdMicros,
                          @Nullable Part open, @Nullable Part cleared, @Nullable Part flagged) {
    }

    @Serdeable
    public record Suppression(int hiddenTeams, int minGroupSize, boolean peopleVisible) {
    }
}
