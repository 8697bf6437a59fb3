package dev.aispend.report.efficiency;

import dev.aispend.report.query.Fractions;
import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the money bought, per period (docs/reports-efficiency.md): merged pull requests beside the spend and
 * tokens, by team and by usage tier (quintiles of spend per person, and the top decile), as of one ledger position.
 * Money is integer USD micros; per-PR figures are integers rounded half up, null without a PR; fractions are
 * decimal strings. A group hidden for privacy has {@code suppressed} true and no figures. No person ref appears.
 */
@Serdeable
public record EfficiencyReport(ReportAsOf asOf, LocalDate from, LocalDate to, String period,
                               Map<String, String> filters, String outcomeKind, List<Period> periods,
                               Suppression suppression) {

    /**
     * One period: its first day ({@code period}) and the days of it inside the range ({@code from}..{@code to});
     * everything counts only those days.
     */
    @Serdeable
    public record Period(LocalDate period, LocalDate from, LocalDate to, Group total, List<TeamRow> teams,
                         Tiers tiers) {
    }

    /** The people with spend or merged PRs in the group, and its figures (null when hidden). */
    @Serdeable
    public record Group(long people, boolean suppressed, @Nullable Figures figures) {
    }

    @Serdeable
    public record TeamRow(String team, long people, boolean suppressed, @Nullable Figures figures) {
    }

    @Serdeable
    public record Figures(long mergedPrs, long costUsdMicros, long tokens,
                          @Nullable Long costPerMergedPrUsdMicros, @Nullable Long tokensPerMergedPr) {
        public static Figures of(long mergedPrs, long costUsdMicros, long tokens) {
            return new Figures(mergedPrs, costUsdMicros, tokens, Fractions.perUnit(costUsdMicros, mergedPrs),
                    Fractions.perUnit(tokens, mergedPrs));
        }
    }

    /**
     * The usage tiers of the period: {@code rankedPeople} people with spend above zero, ranked by it; the tiers
     * Q1..Q5 and D10; the top decile against the median tier; and the merged PRs of people without spend, who are
     * in no tier.
     */
    @Serdeable
    public record Tiers(long rankedPeople, List<TierRow> tiers, TopDecileVsMedian topDecileVsMedian,
                        WithoutSpend mergedPrsWithoutSpend) {
    }

    @Serdeable
    public record TierRow(String tier, long people, boolean suppressed, @Nullable TierFigures figures) {
    }

    @Serdeable
    public record TierFigures(long spendUsdMicros, long tokens, long mergedPrs,
                              @Nullable Long costPerMergedPrUsdMicros, @Nullable Long tokensPerMergedPr,
                              @Schema(description = "merged PRs per person, 2 places, rounded half up",
                                      example = "1.40") @Nullable String mergedPrsPerPerson) {
    }

    /**
     * D10 over Q3, each a decimal with 2 places from the exact quotients: "10.00" tokens per PR and "2.00" PRs per
     * person is the Jellyfish finding. Null when a side has no PR, no people, or is hidden.
     */
    @Serdeable
    public record TopDecileVsMedian(@Nullable String tokensPerMergedPr, @Nullable String mergedPrsPerPerson,
                                    @Nullable String costPerMergedPr) {
    }

    @Serdeable
    public record WithoutSpend(long people, long mergedPrs) {
    }

    /** How many groups (teams, tiers, totals) were hidden, and the group size below which they are. */
    @Serdeable
    public record Suppression(int hiddenGroups, int minGroupSize, boolean peopleVisible) {
    }
}
