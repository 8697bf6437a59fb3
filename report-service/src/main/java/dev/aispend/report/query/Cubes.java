package dev.aispend.report.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aispend.report.readmodel.ReportSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums a cube ({@link Cube#query}) and keeps each settled part of the answer for the next report that asks the same
 * (docs/reports.md, "Settled periods"). The range is cut into the periods the groups start with
 * ({@link CubeBuckets}); a period is settled at the last ledger position that wrote a line for one of its days (the
 * lines' {@code (day, position)} index answers that per day), because the sums of its days change only when lines
 * for them are applied. So a period's rows as of any position at or after that one are the same; they are kept
 * under the generation, table, grouping, filters, the period's days and that position, and served to any report as
 * of a position at or after it. A new line for one of its days moves the position, so the kept rows are never
 * served again and age out. Reports as of a position before a period settled sum it afresh (and keep nothing).
 *
 * <p>The periods not kept are summed by one statement over the days from the first to the last of them. Bounded
 * by rows kept ({@code report.cube-cache.max-rows}; 0 sums every report afresh).
 */
@Singleton
public class Cubes {
    /** The key of one settled period's rows: everything the statement depends on, and when the period settled. */
    private record Key(int generation, String table, List<Dimension> groupBy, Map<Dimension, String> equal,
                       LocalDate from, LocalDate to, long settledAtPosition) {
    }

    private final Cache<Key, List<Cube.Row>> kept;
    private final Counter hits;
    private final Counter misses;

    public Cubes(@Value("${report.cube-cache.max-rows:50000}") long maxRows, MeterRegistry registry) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("report.cube-cache.max-rows must be 0 or more, not " + maxRows);
        }
        this.kept = maxRows == 0 ? null : Caffeine.newBuilder().maximumWeight(maxRows)
                .<Key, List<Cube.Row>>weigher((key, rows) -> rows.size() + 1).build();
        this.hits = periods(registry, "kept");
        this.misses = periods(registry, "summed");
    }

    private static Counter periods(MeterRegistry registry, String result) {
        return Counter.builder("aispend.report.cube.periods").tag("result", result)
                .description("Periods of report cubes served from the kept rows or summed afresh")
                .register(registry);
    }

    /** The same rows as {@link Cube#query}, in the same order. */
    public List<Cube.Row> query(ReportSnapshot snapshot, CubeTable table, Cube.Filter filter,
                                List<Dimension> groupBy) {
        if (kept == null) {
            return Cube.query(snapshot, table, filter, groupBy);
        }
        List<CubeBuckets.Bucket> buckets = CubeBuckets.of(filter, groupBy);
        long[] settled = settledAt(snapshot, table.lines(), buckets);
        List<List<Cube.Row>> parts = new ArrayList<>(buckets.size());
        int firstMissing = -1;
        int lastMissing = -1;
        int missing = 0;
        for (int index = 0; index < buckets.size(); index++) {
            List<Cube.Row> rows = settled[index] > snapshot.asOfPosition() ? null
                    : kept.getIfPresent(key(snapshot, table, filter, groupBy, buckets.get(index), settled[index]));
            parts.add(rows);
            if (rows == null) {
                firstMissing = firstMissing < 0 ? index : firstMissing;
                lastMissing = index;
                missing++;
            }
        }
        hits.increment(buckets.size() - missing);
        if (missing > 0) {
            misses.increment(missing);
            sumAfresh(snapshot, table, filter, groupBy, buckets, settled, parts, firstMissing, lastMissing);
        }
        List<Cube.Row> rows = new ArrayList<>();
        parts.forEach(rows::addAll);
        return rows;
    }

    /** Sums the periods from {@code first} to {@code last} in one statement, keeping those settled. */
    private void sumAfresh(ReportSnapshot snapshot, CubeTable table, Cube.Filter filter, List<Dimension> groupBy,
                           List<CubeBuckets.Bucket> buckets, long[] settled, List<List<Cube.Row>> parts,
                           int first, int last) {
        Cube.Filter span = new Cube.Filter(buckets.get(first).from(), buckets.get(last).to(), filter.equal());
        TreeMap<LocalDate, Integer> byFirstDay = new TreeMap<>();
        List<List<Cube.Row>> summed = new ArrayList<>();
        for (int index = first; index <= last; index++) {
            byFirstDay.put(buckets.get(index).from(), index);
            summed.add(new ArrayList<>());
        }
        boolean byPeriod = !groupBy.isEmpty() && groupBy.get(0).isPeriod();
        for (Cube.Row row : Cube.query(snapshot, table, span, groupBy)) {
            LocalDate day = byPeriod ? CubeBuckets.dayOf(row.get(groupBy.get(0)), span) : span.from();
            Map.Entry<LocalDate, Integer> bucket = byFirstDay.floorEntry(day);
            if (bucket == null || !buckets.get(bucket.getValue()).contains(day)) {
                throw new IllegalStateException("a group on " + day + " outside the periods summed");
            }
            summed.get(bucket.getValue() - first).add(row);
        }
        for (int index = first; index <= last; index++) {
            List<Cube.Row> rows = List.copyOf(summed.get(index - first));
            parts.set(index, rows);
            if (settled[index] <= snapshot.asOfPosition()) {
                kept.put(key(snapshot, table, filter, groupBy, buckets.get(index), settled[index]), rows);
            }
        }
    }

    private static Key key(ReportSnapshot snapshot, CubeTable table, Cube.Filter filter, List<Dimension> groupBy,
                           CubeBuckets.Bucket bucket, long settledAtPosition) {
        return new Key(snapshot.generation(), table.daily(), List.copyOf(groupBy), filter.equal(), bucket.from(),
                bucket.to(), settledAtPosition);
    }

    /**
     * Per period, the last position that wrote a line for one of its days in this snapshot (0 when none did): one
     * look-up of the lines' (day, position) index per day.
     */
    private static long[] settledAt(ReportSnapshot snapshot, String lines, List<CubeBuckets.Bucket> buckets) {
        long[] settled = new long[buckets.size()];
        LocalDate from = buckets.get(0).from();
        LocalDate to = buckets.get(buckets.size() - 1).to();
        String sql = "SELECT d::date, (SELECT max(position) FROM " + lines + " WHERE day = d::date) "
                + "FROM generate_series(?::date::timestamp, ?::date::timestamp, interval '1 day') AS d";
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setObject(1, from);
            select.setObject(2, to);
            try (ResultSet result = select.executeQuery()) {
                int index = 0;
                while (result.next()) {
                    LocalDate day = result.getObject(1, LocalDate.class);
                    while (!buckets.get(index).contains(day)) {
                        index++;
                    }
                    settled[index] = Math.max(settled[index], result.getLong(2));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read when the days of " + lines + " last changed", failure);
        }
        return settled;
    }
}
