package dev.aispend.report.anomalies;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the anomalies report from one snapshot: the flags dated in the range and their clearings as of its
 * position ({@link FlaggedSpend}), all spend over the range's UTC days from the spend read model, per team and in
 * total. Callers who may not see people get no flag rows (which name people), and no figures of small teams.
 */
@Singleton
public class AnomalyReports {
    public static final int SHARE_SCALE = 4;

    private final ReportPrivacy privacy;
    private final Cubes cubes;

    public AnomalyReports(ReportPrivacy privacy, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
    }

    public AnomalyReport build(ReportSnapshot snapshot, AnomalyQuery query) {
        ReportDays days = ReportDays.orDefault(query.days(), snapshot);
        List<FlagBook.Resolved> flags = FlaggedSpend.flags(snapshot, days, query.team());
        Cube.Filter filter = Cube.Filter.between(days.from(), days.to());
        if (query.team() != null) {
            filter = filter.with(Dimension.TEAM, query.team());
        }
        Map<String, long[]> teamSpend = new HashMap<>();
        long totalSpend = 0;
        for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, filter, List.of(Dimension.TEAM))) {
            long cost = SpendMeasures.of(row.measures()).costUsdMicros();
            teamSpend.put((String) row.get(Dimension.TEAM), new long[] {cost, row.people()});
            totalSpend = Math.addExact(totalSpend, cost);
        }
        List<AnomalyReport.TeamRow> teams = teams(flags, teamSpend);
        List<Integer> hidden = privacy.hidden(teams, AnomalyReport.TeamRow::people);
        List<AnomalyReport.TeamRow> shown = new ArrayList<>(teams.size());
        for (int index = 0; index < teams.size(); index++) {
            AnomalyReport.TeamRow team = teams.get(index);
            shown.add(hidden.contains(index) ? new AnomalyReport.TeamRow(team.team(), team.people(), true, null,
                    null, null, null) : team);
        }
        FlagBook.Totals totals = FlagBook.totals(flags);
        AnomalyReport.Totals answer = new AnomalyReport.Totals(totalSpend, part(totals.open(), totalSpend),
                part(totals.cleared(), totalSpend), part(totals.all(), totalSpend));
        List<AnomalyReport.FlagRow> rows = privacy.peopleVisible() ? flags.stream()
                .filter(flag -> query.status() == null || query.status().equals(status(flag)))
                .map(AnomalyReports::row).toList() : null;
        return new AnomalyReport(ReportAsOf.of(snapshot), days.from(), days.to(), query.team(), query.status(),
                answer, rows, shown, new AnomalyReport.Suppression(hidden.size(), privacy.minGroupSize(),
                privacy.peopleVisible()));
    }

    /** Per team the flags name (teams sorted, no team first): its people, spend and flag totals. */
    private static List<AnomalyReport.TeamRow> teams(List<FlagBook.Resolved> flags, Map<String, long[]> teamSpend) {
        Map<String, List<FlagBook.Resolved>> byTeam = new HashMap<>();
        flags.forEach(flag -> byTeam.computeIfAbsent(flag.flag().team(), unused -> new ArrayList<>()).add(flag));
        List<AnomalyReport.TeamRow> rows = new ArrayList<>();
        byTeam.keySet().stream().sorted(Comparator.nullsFirst(Comparator.<String>naturalOrder())).forEach(team -> {
            List<FlagBook.Resolved> own = byTeam.get(team);
            long[] spend = teamSpend.getOrDefault(team, new long[] {0, 0});
            long flagged = own.stream().map(flag -> flag.flag().personRef()).distinct().count();
            FlagBook.Totals totals = FlagBook.totals(own);
            rows.add(new AnomalyReport.TeamRow(team, Math.max(spend[1], flagged), false, spend[0],
                    part(totals.open(), spend[0]), part(totals.cleared(), spend[0]), part(totals.all(), spend[0])));
        });
        return rows;
    }

    static AnomalyReport.Part part(FlagBook.Sum sum, long spendUsdMicros) {
        return new AnomalyReport.Part(sum.flags(), sum.windows(), sum.spendUsdMicros(),
                share(sum.spendUsdMicros(), spendUsdMicros));
    }

    /** {@code part / whole} to four places, half-even; null when there is no spend to compare with. */
    @Nullable
    static BigDecimal share(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    static String status(FlagBook.Resolved flag) {
        return flag.open() ? "open" : "cleared";
    }

    private static AnomalyReport.FlagRow row(FlagBook.Resolved resolved) {
        FlagBook.Flag flag = resolved.flag();
        FlagBook.Clearing clearing = resolved.clearing();
        return new AnomalyReport.FlagRow(flag.decisionId(), flag.ruleId(), flag.ruleVersion(), flag.rule(),
                flag.name(), flag.team(), flag.personRef(), flag.windowKey(), flag.flaggedSpendUsdMicros(),
                flag.flaggedAt(), flag.position(), status(resolved), clearing == null ? null
                : new AnomalyReport.Clearing(clearing.decisionId(), clearing.actor(), clearing.reason(),
                clearing.clearedAt(), clearing.position()));
    }
}
