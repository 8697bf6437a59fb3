package dev.aispend.report.gamification;

import dev.aispend.report.gamification.Leaderboard.Candidate;
import dev.aispend.report.gamification.Leaderboard.Entry;
import dev.aispend.report.gamification.Leaderboard.Unranked;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardTest {
    private static Candidate team(String name, long mergedPrs, long spendUsdMicros) {
        return new Candidate(name, null, 6, mergedPrs, spendUsdMicros, false);
    }

    @Test
    void ranks_by_merged_prs_per_dollar_highest_first_never_by_spend() {
        // 10 PRs for $100 = 0.1 per $; 4 PRs for $10 = 0.4 per $; 30 PRs for $1000 = 0.03 per $.
        List<Entry> board = Leaderboard.rank(List.of(team("alpha", 10, 100_000_000), team("beta", 4, 10_000_000),
                team("gamma", 30, 1_000_000_000)), 3);

        assertThat(board).extracting(entry -> entry.candidate().team()).containsExactly("beta", "alpha", "gamma");
        assertThat(board).extracting(Entry::rank).containsExactly(1, 2, 3);
        assertThat(board.get(0).mergedPrsPerUsd()).isEqualByComparingTo(new BigDecimal("0.4000"));
        assertThat(board.get(2).mergedPrsPerUsd()).isEqualTo(new BigDecimal("0.0300"));
        assertThat(board.get(1).costPerMergedPrUsdMicros()).isEqualTo(10_000_000L);
    }

    @Test
    void equal_ratios_share_a_rank_and_are_ordered_by_name() {
        List<Entry> board = Leaderboard.rank(List.of(team("zulu", 6, 20_000_000), team("alpha", 3, 10_000_000),
                team("mid", 9, 20_000_000)), 3);

        assertThat(board).extracting(entry -> entry.candidate().team()).containsExactly("mid", "alpha", "zulu");
        assertThat(board).extracting(Entry::rank).containsExactly(1, 2, 2);
    }

    @Test
    void orders_exactly_even_where_the_rounded_ratios_look_equal() {
        // 10,001 / $100,000,000 and 10,000 / $100,000,000 both round to 0.0001 per $.
        List<Entry> board = Leaderboard.rank(List.of(team("a", 10_000, 100_000_000_000_000L),
                team("b", 10_001, 100_000_000_000_000L)), 3);

        assertThat(board).extracting(entry -> entry.candidate().team()).containsExactly("b", "a");
        assertThat(board).extracting(Entry::rank).containsExactly(1, 2);
    }

    @Test
    void ranks_only_groups_with_the_minimum_merged_prs_and_a_dollar_of_spend() {
        List<Entry> board = Leaderboard.rank(List.of(team("few", 2, 1_000_000), team("cheap", 50, 999_999),
                team("enough", 3, 1_000_000), new Candidate("small", null, 2, 40, 5_000_000, true)), 3);

        assertThat(board).extracting(entry -> entry.candidate().team())
                .containsExactly("enough", "few", "cheap", "small");
        assertThat(board).extracting(Entry::unranked)
                .containsExactly(null, Unranked.MIN_MERGED_PRS, Unranked.MIN_SPEND, Unranked.SUPPRESSED);
        assertThat(board.get(1).rank()).isNull();
        assertThat(Leaderboard.rank(List.of(team("few", 2, 1_000_000)), 2).get(0).rank()).isEqualTo(1);
    }

    @Test
    void people_are_ordered_by_team_then_person_on_ties() {
        List<Entry> board = Leaderboard.rank(List.of(new Candidate("web", "prs_a", 1, 3, 3_000_000, false),
                new Candidate("api", "prs_z", 1, 3, 3_000_000, false),
                new Candidate("api", "prs_b", 1, 3, 3_000_000, false)), 3);

        assertThat(board).extracting(entry -> entry.candidate().personRef())
                .containsExactly("prs_b", "prs_z", "prs_a");
    }
}
