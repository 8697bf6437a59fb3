package dev.aispend.report.efficiency;

import dev.aispend.report.efficiency.UsageTiers.PersonFigures;
import dev.aispend.report.efficiency.UsageTiers.Tier;
import dev.aispend.report.efficiency.UsageTiers.TierSums;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTiersTest {

    @Test
    void puts_rank_r_of_n_in_quintile_floor_of_5r_over_n_plus_one() {
        // n = 7: 5r/7 = 0, 0.71, 1.43, 2.14, 2.86, 3.57, 4.29
        assertThat(IntStream.range(0, 7).mapToObj(rank -> UsageTiers.quintile(rank, 7)))
                .containsExactly(Tier.Q1, Tier.Q1, Tier.Q2, Tier.Q3, Tier.Q3, Tier.Q4, Tier.Q5);
        // n = 2: the lower spender in Q1, the higher in Q3 (5/2 = 2.5)
        assertThat(UsageTiers.quintile(0, 2)).isEqualTo(Tier.Q1);
        assertThat(UsageTiers.quintile(1, 2)).isEqualTo(Tier.Q3);
    }

    @Test
    void gives_the_top_decile_ceil_of_n_over_10_people() {
        assertThat(UsageTiers.topDecileSize(0)).isZero();
        assertThat(UsageTiers.topDecileSize(1)).isEqualTo(1);
        assertThat(UsageTiers.topDecileSize(10)).isEqualTo(1);
        assertThat(UsageTiers.topDecileSize(11)).isEqualTo(2);
        assertThat(UsageTiers.topDecileSize(45)).isEqualTo(5);
    }

    @Test
    void sums_ten_people_ranked_by_spend_into_five_quintiles_of_two_and_a_top_decile_of_one() {
        List<PersonFigures> people = new ArrayList<>();
        // Listed out of order: p01 spends 1,000 micros ... p10 spends 10,000; tokens 10 per micro; PRs p / 2.
        for (int index = 10; index >= 1; index--) {
            people.add(new PersonFigures(String.format("p%02d", index), 1_000L * index, 10_000L * index,
                    index / 2));
        }

        List<TierSums> tiers = UsageTiers.of(people);

        assertThat(tiers).containsExactly(
                new TierSums(Tier.Q1, 2, 3_000, 30_000, 0 + 1),
                new TierSums(Tier.Q2, 2, 7_000, 70_000, 1 + 2),
                new TierSums(Tier.Q3, 2, 11_000, 110_000, 2 + 3),
                new TierSums(Tier.Q4, 2, 15_000, 150_000, 3 + 4),
                new TierSums(Tier.Q5, 2, 19_000, 190_000, 4 + 5),
                new TierSums(Tier.D10, 1, 10_000, 100_000, 5));
    }

    @Test
    void ranks_equal_spend_by_person_ref_and_leaves_people_without_spend_out() {
        List<PersonFigures> people = List.of(
                new PersonFigures("b", 500, 1, 10),
                new PersonFigures("a", 500, 2, 20),
                new PersonFigures("c", 0, 3, 30),
                new PersonFigures("d", -5, 4, 40),
                new PersonFigures("e", 900, 5, 50));

        List<TierSums> tiers = UsageTiers.of(people);

        // Ranked a (0), b (1), e (2) of 3: quintiles floor(0) = Q1, floor(5/3) = Q2, floor(10/3) = Q4.
        assertThat(tiers.get(Tier.Q1.ordinal())).isEqualTo(new TierSums(Tier.Q1, 1, 500, 2, 20));
        assertThat(tiers.get(Tier.Q2.ordinal())).isEqualTo(new TierSums(Tier.Q2, 1, 500, 1, 10));
        assertThat(tiers.get(Tier.Q3.ordinal())).isEqualTo(new TierSums(Tier.Q3, 0, 0, 0, 0));
        assertThat(tiers.get(Tier.Q4.ordinal())).isEqualTo(new TierSums(Tier.Q4, 1, 900, 5, 50));
        assertThat(tiers.get(Tier.D10.ordinal())).isEqualTo(new TierSums(Tier.D10, 1, 900, 5, 50));
    }

    @Test
    void counts_how_much_of_each_quintile_the_top_decile_takes() {
        // n = 45: quintiles of 9 (ranks 36..44 in Q5), top decile ceil(4.5) = 5, all in Q5.
        assertThat(UsageTiers.topDecileIn(Tier.Q5, 45)).isEqualTo(5);
        assertThat(UsageTiers.topDecileIn(Tier.Q4, 45)).isZero();
        // n = 2: the top decile is the one person of Q3.
        assertThat(UsageTiers.topDecileIn(Tier.Q3, 2)).isEqualTo(1);
    }
}
