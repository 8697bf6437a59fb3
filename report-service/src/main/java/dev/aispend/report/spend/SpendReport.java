package dev.aispend.report.spend;

import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Spend over a range of UTC days of use, grouped as asked, as of one ledger position (docs/reports.md, spend).
 * Money is integer USD micros; every re-pricing is counted in the period and attribution of the spend it
 * corrects. A group hidden for privacy has {@code suppressed} true and no figures; the totals are left out when
 * they would give a hidden group away.
 */
@Serdeable
public record SpendReport(ReportAsOf asOf, LocalDate from, LocalDate to, List<String> groupBy,
                          Map<String, String> filters, List<Row> rows, @Nullable Figures totals,
                          @Nullable Unpriced unpriced, Suppression suppression) {

    /** One group: its key (only the dimensions grouped by), its figures, and the people with spend in it. */
    @Serdeable
    public record Row(@Nullable LocalDate period, @Nullable String team, @Nullable String costCenter,
                      @Nullable String personRef, @Nullable String model, @Nullable String provider,
                      @Nullable String purpose, @Nullable String source, long people, boolean suppressed,
                      @Nullable Figures figures) {
    }

    @Serdeable
    public record Figures(long records, Tokens tokens, long costUsdMicros, long unpricedRecords,
                          Reconciliation reconciliation, Evidence evidence) {
        public static Figures of(SpendMeasures measures) {
            return new Figures(measures.records(), new Tokens(measures.inputTokens(), measures.outputTokens(),
                    measures.cacheReadTokens(), measures.cacheWrite5mTokens(), measures.cacheWrite1hTokens(),
                    measures.reasoningTokens(), measures.totalTokens()), measures.costUsdMicros(),
                    measures.unpricedRecords(), new Reconciliation(measures.reportedRecords(),
                    measures.reportedCostUsdMicros(), measures.reportedOurCostUsdMicros(),
                    measures.reportedDifferenceUsdMicros()), new Evidence(measures.evidenceRecords(),
                    measures.evidenceCostUsdMicros(), measures.evidenceReportedCostUsdMicros()));
        }
    }

    @Serdeable
    public record Tokens(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h,
                         long reasoning, long total) {
    }

    /**
     * Our cost beside what clients reported, over the records that came with a reported cost:
     * {@code differenceUsdMicros} = ours - reported.
     */
    @Serdeable
    public record Reconciliation(long reportedRecords, long reportedCostUsdMicros, long ourCostUsdMicros,
                                 long differenceUsdMicros) {
    }

    /**
     * What other sources said about the same use (for example a provider's usage report, recorded as evidence and
     * never counted as spend): its records, our price of them, and the cost that source reported.
     */
    @Serdeable
    public record Evidence(long records, long ourCostUsdMicros, long reportedCostUsdMicros) {
    }

    /** Spend recorded without a price (no rate card covered it), by model: counted in records, costing 0. */
    @Serdeable
    public record Unpriced(long records, List<UnpricedModel> byModel) {
    }

    @Serdeable
    public record UnpricedModel(String model, long records) {
    }

    /**
     * How many groups were hidden, whether the totals were too (they would have given the hidden groups away),
     * and the group size below which groups are hidden.
     */
    @Serdeable
    public record Suppression(int hiddenGroups, boolean totalsHidden, int minGroupSize, boolean peopleVisible) {
    }
}
