package dev.aispend.report.query;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.support.ReportSystemTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept periods of report cubes (Cubes) answer exactly what summing afresh (Cube.query) answers, in the same
 * order: the fixture month is published in parts cut at its re-attributions and re-pricings (which write lines for
 * days already summed and kept), and after each part every shape is asked twice at the head (the second time from
 * the kept rows) and as of every earlier cut.
 */
@MicronautTest(transactional = false)
class CubesIT extends ReportSystemTest {
    private static final Cube.Filter OCTOBER = Cube.Filter.between(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31));

    @Inject
    Cubes cubes;
    @Inject
    ReportReads reads;
    @Inject
    MeterRegistry registry;

    private record Ask(CubeTable table, Cube.Filter filter, List<Dimension> groupBy) {
    }

    private static final List<Ask> ASKS = List.of(
            new Ask(CubeTable.SPEND, OCTOBER, List.of(Dimension.DAY, Dimension.TEAM, Dimension.MODEL)),
            new Ask(CubeTable.SPEND, Cube.Filter.between(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 29)),
                    List.of(Dimension.WEEK, Dimension.TEAM, Dimension.PERSON)),
            new Ask(CubeTable.SPEND, Cube.Filter.between(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 20)),
                    List.of(Dimension.MONTH, Dimension.PERSON)),
            new Ask(CubeTable.SPEND, OCTOBER.with(Dimension.TEAM, ReportMonth.PLATFORM),
                    List.of(Dimension.DAY, Dimension.PURPOSE)),
            new Ask(CubeTable.SPEND, OCTOBER, List.of(Dimension.TEAM, Dimension.DAY)),
            new Ask(CubeTable.SPEND, OCTOBER, List.of(Dimension.MODEL)),
            new Ask(CubeTable.SPEND, OCTOBER, List.of()),
            new Ask(CubeTable.OUTCOMES, OCTOBER, List.of(Dimension.WEEK, Dimension.TEAM)),
            // Asks that differ only in their filter, or only in their table: a key without either would mix them.
            new Ask(CubeTable.SPEND, OCTOBER, List.of(Dimension.DAY, Dimension.TEAM)),
            new Ask(CubeTable.SPEND, OCTOBER.with(Dimension.TEAM, ReportMonth.PLATFORM),
                    List.of(Dimension.DAY, Dimension.TEAM)),
            new Ask(CubeTable.OUTCOMES, OCTOBER, List.of(Dimension.DAY, Dimension.TEAM)),
            // Whole months from the monthly sums, a partial one from the daily sums, period by period.
            new Ask(CubeTable.SPEND, Cube.Filter.between(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 3)),
                    List.of(Dimension.MONTH, Dimension.TEAM)),
            new Ask(CubeTable.OUTCOMES, OCTOBER, List.of(Dimension.TEAM, Dimension.PERSON)));

    @Test
    void answers_what_summing_afresh_answers_after_lines_reach_kept_days_and_as_of_every_earlier_position() {
        List<LedgerEnvelope> envelopes = ReportMonth.envelopes();
        List<Long> published = new ArrayList<>();
        long after = 0;
        for (long cut : cuts()) {
            system.publishAndAwait(envelopes.subList((int) after, (int) cut));
            after = cut;
            published.add(cut);
            double keptBefore = kept();
            for (long position : published) {
                assertSameAsSummedAfresh(position);
            }
            assertSameAsSummedAfresh(cut);
            assertThat(kept()).as("periods served from kept rows after %d", cut).isGreaterThan(keptBefore);
        }
        assertThat(after).isEqualTo(envelopes.size());
    }

    private void assertSameAsSummedAfresh(long position) {
        reads.read(new AsOf(position, null), snapshot -> {
            for (Ask ask : ASKS) {
                assertThat(rendered(cubes.query(snapshot, ask.table(), ask.filter(), ask.groupBy())))
                        .as("%s of %s grouped by %s as of %d", ask.table().daily(), ask.filter(), ask.groupBy(),
                                position)
                        .containsExactlyElementsOf(rendered(Cube.query(snapshot, ask.table(), ask.filter(),
                                ask.groupBy())));
            }
            return null;
        });
    }

    /** Where the month is cut: before and at each re-attribution and re-pricing, and at its end. */
    private static TreeSet<Long> cuts() {
        TreeSet<Long> cuts = new TreeSet<>();
        List<LedgerPayload> payloads = ReportMonth.payloads();
        for (int index = 0; index < payloads.size(); index++) {
            if (index > 0 && (payloads.get(index) instanceof IdentityLinked
                    || payloads.get(index) instanceof SpendRepriced)) {
                cuts.add((long) index);
                cuts.add((long) index + 1);
            }
        }
        cuts.add(ReportMonth.positionAfterFirstHalf());
        cuts.add((long) payloads.size());
        return cuts;
    }

    private double kept() {
        return registry.counter("aispend.report.cube.periods", "result", "kept").count();
    }

    private static List<String> rendered(List<Cube.Row> rows) {
        return rows.stream().map(row -> row.key() + " " + Arrays.toString(row.measures()) + " " + row.people())
                .toList();
    }
}
