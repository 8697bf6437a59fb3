package dev.aispend.report.gamification;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome leaderboard: teams (or people) by merged pull requests per US dollar of spend, highest first, ties
 * by name; never by tokens or spend. Only groups with a minimum volume are ranked: at least {@code minMergedPrs}
 * merged PRs and at least $1 of spend. Pure; integers until the ratio shown, which is exact in the ordering.
 */
public final class Leaderboard {
    /** The least spend a group needs to be ranked: one US dollar. */
    public static final long MIN_SPEND_USD_MICROS = 1_000_000;
    public static final int RATIO_SCALE = 4;
    private static final BigInteger MICROS_PER_USD = BigInteger.valueOf(1_000_000);

    private Leaderboard() {
    }

    /** Why a group has no rank. */
    public enum Unranked {
        /** Fewer merged PRs than the minimum. */
        MIN_MERGED_PRS,
        /** Less than $1 of spend. */
        MIN_SPEND,
        /** Hidden from a caller who may not see people: too few people in it. */
        SUPPRESSED
    }

    /** A group's volume in the range: its team, its person (person level only), its people and figures. */
    public record Candidate(String team, @Nullable String personRef, long people, long mergedPrs,
                            long spendUsdMicros, boolean hidden) {
    }

    /** A place on the board: a rank (equal ratios share one), or why there is none. */
    public record Entry(Candidate candidate, @Nullable Integer rank, @Nullable Unranked unranked) {
        /** Merged PRs per US dollar, rounded half-even to four places; null without spend. */
        @Nullable
        public BigDecimal mergedPrsPerUsd() {
            return perUsd(candidate.mergedPrs(), candidate.spendUsdMicros());
        }

        /** Spend per merged PR in USD micros, rounded down; null without merged PRs. */
        @Nullable
        public Long costPerMergedPrUsdMicros() {
            return candidate.mergedPrs() <= 0 ? null : candidate.spendUsdMicros() / candidate.mergedPrs();
        }
    }

    /**
     * The board: ranked groups by ratio (ties by team, then person), then the groups short of the minimum volume,
     * then the hidden ones, each of those by name.
     */
    public static List<Entry> rank(List<Candidate> candidates, long minMergedPrs) {
        Comparator<Candidate> byName = Comparator.comparing(Candidate::team)
                .thenComparing(candidate -> Objects.requireNonNullElse(candidate.personRef(), ""));
        List<Candidate> ranked = candidates.stream().filter(candidate -> unranked(candidate, minMergedPrs) == null)
                .sorted(((Comparator<Candidate>) Leaderboard::compareRatio).reversed().thenComparing(byName))
                .toList();
        List<Entry> board = new ArrayList<>(candidates.size());
        for (int index = 0; index < ranked.size(); index++) {
            Candidate candidate = ranked.get(index);
            boolean tied = index > 0 && compareRatio(candidate, ranked.get(index - 1)) == 0;
            board.add(new Entry(candidate, tied ? board.get(index - 1).rank() : index + 1, null));
        }
        for (Unranked reason : List.of(Unranked.MIN_MERGED_PRS, Unranked.MIN_SPEND, Unranked.SUPPRESSED)) {
            candidates.stream().filter(candidate -> unranked(candidate, minMergedPrs) == reason).sorted(byName)
                    .forEach(candidate -> board.add(new Entry(candidate, null, reason)));
        }
        return board;
    }

    @Nullable
    static Unranked unranked(Candidate candidate, long minMergedPrs) {
        if (candidate.hidden()) {
            return Unranked.SUPPRESSED;
        }
        if (candidate.mergedPrs() < minMergedPrs) {
            return Unranked.MIN_MERGED_PRS;
        }
        return candidate.spendUsdMicros() < MIN_SPEND_USD_MICROS ? Unranked.MIN_SPEND : null;
    }

    /** prsA / spendA against prsB / spendB, exactly (both spends positive): cross-multiplied, no rounding. */
    static int compareRatio(Candidate first, Candidate second) {
        return BigInteger.valueOf(first.mergedPrs()).multiply(BigInteger.valueOf(second.spendUsdMicros()))
                .compareTo(BigInteger.valueOf(second.mergedPrs()).multiply(BigInteger.valueOf(first.spendUsdMicros())));
    }

    @Nullable
    static BigDecimal perUsd(long count, long spendUsdMicros) {
        if (spendUsdMicros <= 0) {
            return null;
        }
        return new BigDecimal(BigInteger.valueOf(count).multiply(MICROS_PER_USD))
                .divide(BigDecimal.valueOf(spendUsdMicros), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
