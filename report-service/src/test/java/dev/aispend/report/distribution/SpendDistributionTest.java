package dev.aispend.report.distribution;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SpendDistributionTest {

    @Test
    void takes_the_middle_value_of_an_odd_count_and_the_largest_of_five_for_p90() {
        SpendDistribution.Summary summary = SpendDistribution.of(List.of(50L, 10L, 40L, 20L, 30L));

        assertThat(summary.people()).isEqualTo(5);
        assertThat(summary.spendUsdMicros()).isEqualTo(150);
        assertThat(summary.medianUsdMicros()).isEqualTo(30);
        // ceil(0.9 * 5) = 5th smallest
        assertThat(summary.p90UsdMicros()).isEqualTo(50);
        // top ceil(5/100) = ceil(5/10) = 1 person: 50 of 150
        assertThat(summary.top1Percent()).isEqualTo(new SpendDistribution.Concentration(1, "0.3333"));
        assertThat(summary.top10Percent()).isEqualTo(new SpendDistribution.Concentration(1, "0.3333"));
    }

    @Test
    void takes_the_mean_of_the_two_middle_values_of_an_even_count_rounded_half_up() {
        assertThat(SpendDistribution.of(List.of(1L, 2L, 4L, 7L)).medianUsdMicros()).isEqualTo(3);
        assertThat(SpendDistribution.of(List.of(1L, 2L, 3L, 4L)).medianUsdMicros()).isEqualTo(3);
        assertThat(SpendDistribution.of(List.of(1_000_000L, 1_000_001L)).medianUsdMicros()).isEqualTo(1_000_001);
    }

    @Test
    void takes_p90_by_nearest_rank_and_the_share_of_the_top_ceil_tenth_and_hundredth() {
        // 1..20: median (10 + 11) / 2 = 10.5 -> 11; p90 the ceil(18) = 18th smallest = 18.
        SpendDistribution.Summary twenty = SpendDistribution.of(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(twenty.medianUsdMicros()).isEqualTo(11);
        assertThat(twenty.p90UsdMicros()).isEqualTo(18);
        // total 210; top 2: 19 + 20 = 39 -> 0.18571; top 1: 20 -> 0.095238
        assertThat(twenty.top10Percent()).isEqualTo(new SpendDistribution.Concentration(2, "0.1857"));
        assertThat(twenty.top1Percent()).isEqualTo(new SpendDistribution.Concentration(1, "0.0952"));

        // 1..101: p90 the ceil(90.9) = 91st; the top 1 % is ceil(1.01) = 2 people: 201 of 5151 = 0.03902.
        SpendDistribution.Summary hundredOne = SpendDistribution.of(LongStream.rangeClosed(1, 101).boxed()
                .toList());
        assertThat(hundredOne.medianUsdMicros()).isEqualTo(51);
        assertThat(hundredOne.p90UsdMicros()).isEqualTo(91);
        assertThat(hundredOne.top1Percent()).isEqualTo(new SpendDistribution.Concentration(2, "0.0390"));
        // top ceil(10.1) = 11 people: 91 + ... + 101 = 1056 of 5151 = 0.20501
        assertThat(hundredOne.top10Percent()).isEqualTo(new SpendDistribution.Concentration(11, "0.2050"));
    }

    @Test
    void counts_only_people_with_spend_above_zero_and_has_nothing_to_say_without_them() {
        SpendDistribution.Summary summary = SpendDistribution.of(List.of(0L, -3L, 8L));
        assertThat(summary.people()).isEqualTo(1);
        assertThat(summary.medianUsdMicros()).isEqualTo(8);
        assertThat(summary.top1Percent().share()).isEqualTo("1.0000");
        assertThat(SpendDistribution.of(List.of(0L))).isNull();
        assertThat(SpendDistribution.of(List.of())).isNull();
    }
}
