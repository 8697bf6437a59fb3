package dev.aispend.report.gamification;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Phases, badges and the outcome leaderboard as of one ledger position (docs/reports-gamification.md). Phases are
 * as of the position; badges are those dated in the range; the leaderboard counts merged PRs and spend over the
 * range's UTC days. Money is integer USD micros; nothing is ranked by tokens or spend.
 */
@Serdeable
public record GamificationReport(ReportAsOf asOf, LocalDate from, LocalDate to, @Nullable String team,
                                 Phases phases, Badges badges, Board leaderboard, Suppression suppression) {

    /** The organization's phase (what every team without a phase of its own follows) and each team's. */
    @Serdeable
    public record Phases(Phase organization, List<Phase> teams) {
    }

    /**
     * A phase and what set it: {@code source} TEAM (a decision about the team), ORGANIZATION (the team follows the
     * organization's decision) or DEFAULT (no decision: EXPLORATION); {@code how} MANUAL or AUTOMATIC; since when
     * (the decision's time and ledger position).
     */
    @Serdeable
    public record Phase(@Nullable String team, String phase, String source, @Nullable String how,
                        @Nullable Instant since, @Nullable Long ledgerPosition, @Nullable String decisionId,
                        @Nullable String policyId, @Nullable Long policyVersion) {
    }

    /**
     * The badges awarded in the range: how many, each award (person and decision id only for callers who may see
     * people; none of a hidden team), and per team the counts by badge and tier.
     */
    @Serdeable
    public record Badges(long awards, List<Award> awarded, List<TeamBadges> byTeam, int hiddenTeams) {
    }

    @Serdeable
    public record Award(@Nullable String team, String badgeId, long badgeVersion, String badge, String tier,
                        @Nullable String windowKey, Instant awardedAt, long ledgerPosition,
                        @Nullable String personRef, @Nullable String decisionId) {
    }

    /** A team's awards; a hidden team ({@code suppressed}) has no figures. */
    @Serdeable
    public record TeamBadges(@Nullable String team, long people, boolean suppressed, @Nullable Long awards,
                             @Nullable List<BadgeCount> counts) {
    }

    @Serdeable
    public record BadgeCount(String badgeId, String badge, String tier, long awards) {
    }

    /**
     * The outcome leaderboard: {@code level} team or person, the minimum volume a group needs to be ranked, its
     * places (ranked first, then unranked with the reason), and the totals over the range.
     */
    @Serdeable
    public record Board(String level, long minMergedPrs, long minSpendUsdMicros, List<Place> entries,
                        BoardTotals totals, int hiddenTeams) {
    }

    /**
     * One group: its rank (equal ratios share one) or why it has none (MIN_MERGED_PRS, MIN_SPEND, SUPPRESSED),
     * merged PRs, spend, merged PRs per US dollar (four places, half-even) and spend per merged PR (rounded down).
     */
    @Serdeable
    public record Place(@Nullable Integer rank, String team, @Nullable String personRef, long people,
                        boolean suppressed, @Nullable Long mergedPrs, @Nullable Long spendUsdMicros,
                        @Nullable BigDecimal mergedPrsPerUsd, @Nullable Long costPerMergedPrUsdMicros,
                        @Nullable String unranked) {
    }

    @Serdeable
    public record BoardTotals(long mergedPrs, long spendUsdMicros, @Nullable BigDecimal mergedPrsPerUsd) {
    }

    /** The group size below which teams are hidden, and whether the caller may see people. */
    @Serdeable
    public record Suppression(int minGroupSize, boolean peopleVisible) {
    }
}
