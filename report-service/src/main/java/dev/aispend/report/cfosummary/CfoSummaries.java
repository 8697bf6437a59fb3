package dev.aispend.report.cfosummary;

import dev.aispend.report.anomalies.FlagBook;
import dev.aispend.report.anomalies.FlaggedSpend;
import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.Fractions;
import dev.aispend.report.query.OutcomeKinds;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportPrivacy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the CFO summary of one month from the spend, outcome, budget and decision read models of a snapshot. */
@Singleton
public class CfoSummaries {
    static final int TREND_MONTHS = 6;
    static final int MOVERS = 5;
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private final ReportPrivacy privacy;
    private final Cubes cubes;
    private final OrganizationBudgets budgets;

    public CfoSummaries(ReportPrivacy privacy, OrganizationBudgets budgets, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
        this.budgets = budgets;
    }

    public CfoSummary build(ReportSnapshot snapshot, YearMonth month) {
        Instant clock = snapshot.ledgerClock();
        LocalDate from = month.atDay(1);
        LocalDate through = through(month, clock);
        long position = snapshot.asOfPosition();
        SpendMeasures toDate = spend(snapshot, from, through);
        CfoSummary.MonthToDate monthToDate = new CfoSummary.MonthToDate(toDate.costUsdMicros(), toDate.records(),
                toDate.unpricedRecords(), "The spend (SpendRecorded, and SpendRepriced corrections on their "
                + "original's day) with time of use from " + from + " through " + through + " (UTC), in the "
                + "ledger up to position " + position + ".");
        List<CfoSummary.Budget> organization = budgets.ofMonth(snapshot, month);
        long budgetTotal = organization.stream().mapToLong(CfoSummary.Budget::amountUsdMicros).sum();
        FlagBook.Totals flagged = FlaggedSpend.between(snapshot, from, month.atEndOfMonth());
        return new CfoSummary(ReportAsOf.of(snapshot), month.toString(), clock, from, through, monthToDate,
                organization, forecast(month, clock, toDate.costUsdMicros(), budgetTotal, position),
                trend(snapshot, month), movers(snapshot, from, through), new CfoSummary.Flagged(
                flagged.open().spendUsdMicros(), flagged.cleared().spendUsdMicros(), flagged.open().flags(),
                flagged.cleared().flags(), Fractions.fraction(flagged.all().spendUsdMicros(),
                        spend(snapshot, from, month.atEndOfMonth()).costUsdMicros()),
                "ANOMALY_FLAGGED decisions for windows closed in " + month + " in the ledger up to position "
                        + position + " (their evidence's flaggedSpendUsdMicros, a person's window counted once), "
                        + "cleared once an ANOMALY_CLEARED decision for the flag is recorded; share of the month's "
                        + "spend (docs/reports-gamification.md)."));
    }

    /** The last day counted: the ledger clock's day within the month, the month's end once past it. */
    static LocalDate through(YearMonth month, Instant clock) {
        if (clock == null) {
            return month.atDay(1).minusDays(1);
        }
        LocalDate today = LocalDate.ofInstant(clock, ZoneOffset.UTC);
        if (today.isAfter(month.atEndOfMonth())) {
            return month.atEndOfMonth();
        }
        return today.isBefore(month.atDay(1)) ? month.atDay(1).minusDays(1) : today;
    }

    static CfoSummary.Forecast forecast(YearMonth month, Instant clock, long spent, long budget, long position) {
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String method = "linear: spent x monthLength / elapsed, once a day of the month has elapsed";
        if (clock == null || clock.isBefore(start.plus(ONE_DAY))) {
            return new CfoSummary.Forecast(null, null, method, "Not yet: less than a day of " + month
                    + " has elapsed by the ledger clock.");
        }
        long elapsed = Duration.between(start, clock.isAfter(end) ? end : clock).toMillis();
        long length = Duration.between(start, end).toMillis();
        long forecast = Fractions.scaledHalfUp(spent, length, elapsed);
        return new CfoSummary.Forecast(forecast, budget == 0 ? null : Fractions.percent(forecast, budget), method,
                "The month-to-date spend at the ledger clock (the latest time of use recorded up to position "
                        + position + ") extended to the whole month.");
    }

    private List<CfoSummary.TrendMonth> trend(ReportSnapshot snapshot, YearMonth month) {
        YearMonth earliest = YearMonth.of(1, 1);
        YearMonth first = month.minusMonths(TREND_MONTHS - 1L).isBefore(earliest) ? earliest
                : month.minusMonths(TREND_MONTHS - 1L);
        Cube.Filter range = Cube.Filter.between(first.atDay(1), month.atEndOfMonth());
        Map<LocalDate, Long> cost = new HashMap<>();
        for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, range, List.of(Dimension.MONTH))) {
            cost.put((LocalDate) row.get(Dimension.MONTH), SpendMeasures.of(row.measures()).costUsdMicros());
        }
        Map<LocalDate, Long> merged = new HashMap<>();
        for (Cube.Row row : cubes.query(snapshot, CubeTable.OUTCOMES, range.with(Dimension.OUTCOME_KIND,
                OutcomeKinds.MERGED_PR), List.of(Dimension.MONTH))) {
            merged.put((LocalDate) row.get(Dimension.MONTH), row.measures()[0]);
        }
        List<CfoSummary.TrendMonth> trend = new ArrayList<>();
        for (YearMonth each = first; !each.isAfter(month); each = each.plusMonths(1)) {
            long spent = cost.getOrDefault(each.atDay(1), 0L);
            long prs = merged.getOrDefault(each.atDay(1), 0L);
            trend.add(new CfoSummary.TrendMonth(each.toString(), spent, prs,
                    prs == 0 ? null : Fractions.roundedHalfUp(spent, prs), "Spend of " + each
                    + " over its merged pull requests (OutcomeRecorded pull_request_merged, evidence excluded)."));
        }
        return trend;
    }

    private List<CfoSummary.Mover> movers(ReportSnapshot snapshot, LocalDate from, LocalDate through) {
        if (through.isBefore(from) || from.getYear() == 1 && from.getMonthValue() == 1) {
            return List.of();
        }
        LocalDate previousFrom = from.minusMonths(1);
        LocalDate previousThrough = previousFrom.plusDays(through.toEpochDay() - from.toEpochDay());
        if (previousThrough.getMonth() != previousFrom.getMonth()) {
            previousThrough = YearMonth.from(previousFrom).atEndOfMonth();
        }
        List<Cube.Row> now = cubes.query(snapshot, CubeTable.SPEND, Cube.Filter.between(from, through),
                List.of(Dimension.TEAM));
        Map<String, Long> before = new HashMap<>();
        List<Cube.Row> previous = cubes.query(snapshot, CubeTable.SPEND, Cube.Filter.between(previousFrom,
                previousThrough), List.of(Dimension.TEAM));
        java.util.Set<String> hiddenBefore = new java.util.HashSet<>();
        List<Integer> hiddenPrevious = privacy.hidden(previous, Cube.Row::people);
        for (int index = 0; index < previous.size(); index++) {
            String team = (String) previous.get(index).get(Dimension.TEAM);
            before.put(team, SpendMeasures.of(previous.get(index).measures()).costUsdMicros());
            if (hiddenPrevious.contains(index)) {
                hiddenBefore.add(team);
            }
        }
        // A mover shows both months: hidden when the team was small in either.
        List<Integer> hidden = new ArrayList<>(privacy.hidden(now, Cube.Row::people));
        for (int index = 0; index < now.size(); index++) {
            if (hiddenBefore.contains((String) now.get(index).get(Dimension.TEAM)) && !hidden.contains(index)) {
                hidden.add(index);
            }
        }
        List<CfoSummary.Mover> movers = new ArrayList<>();
        for (int index = 0; index < now.size(); index++) {
            String team = (String) now.get(index).get(Dimension.TEAM);
            long cost = SpendMeasures.of(now.get(index).measures()).costUsdMicros();
            long earlier = before.getOrDefault(team, 0L);
            boolean suppressed = hidden.contains(index);
            movers.add(suppressed ? new CfoSummary.Mover(team, 0, 0, 0, null, true)
                    : new CfoSummary.Mover(team, cost, earlier, cost - earlier,
                    earlier == 0 ? null : Fractions.percent(cost - earlier, earlier), false));
        }
        movers.sort(Comparator.comparing(CfoSummary.Mover::suppressed)
                .thenComparing(mover -> -Math.abs(mover.changeUsdMicros()))
                .thenComparing(CfoSummary.Mover::team));
        return movers.subList(0, Math.min(MOVERS, movers.size()));
    }

    private SpendMeasures spend(ReportSnapshot snapshot, LocalDate from, LocalDate through) {
        if (through.isBefore(from)) {
            return SpendMeasures.ZERO;
        }
        List<Cube.Row> rows = cubes.query(snapshot, CubeTable.SPEND, Cube.Filter.between(from, through), List.of());
        return rows.isEmpty() ? SpendMeasures.ZERO : SpendMeasures.of(rows.get(0).measures());
    }
}
