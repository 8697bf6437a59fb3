package dev.aispend.report.spend;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportPrivacy;
import dev.aispend.report.web.ReportQuery;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the spend report from the spend read model (spend_daily and spend_line) of one snapshot. */
@Singleton
public class SpendReports {
    private final ReportPrivacy privacy;
    private final Cubes cubes;

    public SpendReports(ReportPrivacy privacy, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
    }

    public SpendReport build(ReportSnapshot snapshot, ReportQuery query) {
        List<Cube.Row> groups = cubes.query(snapshot, CubeTable.SPEND, query.filter(), query.groupBy());
        boolean perPerson = query.groupBy().contains(Dimension.PERSON);
        List<Integer> hidden = perPerson ? List.of() : privacy.hidden(groups, Cube.Row::people);
        List<SpendReport.Row> rows = new ArrayList<>(groups.size());
        SpendMeasures total = SpendMeasures.ZERO;
        for (int index = 0; index < groups.size(); index++) {
            Cube.Row group = groups.get(index);
            SpendMeasures measures = SpendMeasures.of(group.measures());
            total = total.plus(measures);
            rows.add(row(group, hidden.contains(index) ? null : SpendReport.Figures.of(measures)));
        }
        List<SpendReport.UnpricedModel> unpriced = new ArrayList<>();
        long unpricedRecords = 0;
        // Most ranges hold no unpriced spend: the rows' total says so without summing the range again by model.
        List<Cube.Row> byModel = total.unpricedRecords() == 0 ? List.of()
                : cubes.query(snapshot, CubeTable.SPEND, query.filter(), List.of(Dimension.MODEL));
        for (Cube.Row model : byModel) {
            long records = SpendMeasures.of(model.measures()).unpricedRecords();
            if (records != 0) {
                unpriced.add(new SpendReport.UnpricedModel((String) model.get(Dimension.MODEL), records));
                unpricedRecords += records;
            }
        }
        boolean totalsHidden = !perPerson && totalsReveal(snapshot, query, groups, hidden);
        return new SpendReport(ReportAsOf.of(snapshot), query.from(), query.to(),
                query.groupBy().stream().map(Dimension::parameter).toList(), filters(query), rows,
                totalsHidden ? null : SpendReport.Figures.of(total),
                totalsHidden ? null : new SpendReport.Unpriced(unpricedRecords, unpriced),
                new SpendReport.Suppression(hidden.size(), totalsHidden, privacy.minGroupSize(),
                        privacy.peopleVisible()));
    }

    /**
     * Whether the totals would give away what the rows hide, for a caller who may not see people: the whole
     * answer covers fewer than k people, or the hidden rows together do (there were no more rows to hide beside
     * them), so total minus the shown rows would be their figures.
     */
    private boolean totalsReveal(ReportSnapshot snapshot, ReportQuery query, List<Cube.Row> groups,
                                 List<Integer> hidden) {
        if (privacy.peopleVisible()) {
            return false;
        }
        List<Cube.Row> everyone = cubes.query(snapshot, CubeTable.SPEND, query.filter(), List.of());
        long people = everyone.isEmpty() ? 0 : everyone.get(0).people();
        long hiddenPeople = hidden.stream().mapToLong(index -> groups.get(index).people()).sum();
        return (people > 0 && people < privacy.minGroupSize())
                || (!hidden.isEmpty() && hiddenPeople < privacy.minGroupSize());
    }

    static Map<String, String> filters(ReportQuery query) {
        Map<String, String> filters = new LinkedHashMap<>();
        query.filter().equal().forEach((dimension, value) -> filters.put(dimension.parameter(), value));
        return filters;
    }

    private static SpendReport.Row row(Cube.Row group, SpendReport.Figures figures) {
        Object period = group.key().entrySet().stream().filter(entry -> entry.getKey().isPeriod())
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return new SpendReport.Row((LocalDate) period, text(group, Dimension.TEAM),
                text(group, Dimension.COST_CENTER), text(group, Dimension.PERSON), text(group, Dimension.MODEL),
                text(group, Dimension.PROVIDER), text(group, Dimension.PURPOSE), text(group, Dimension.SOURCE),
                group.people(), figures == null, figures);
    }

    private static String text(Cube.Row group, Dimension dimension) {
        return (String) group.get(dimension);
    }
}
