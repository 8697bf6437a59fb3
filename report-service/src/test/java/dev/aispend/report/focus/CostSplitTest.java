package dev.aispend.report.focus;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostSplitTest {

    private static BigInteger[] weights(long... values) {
        return Arrays.stream(values).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    }

    @Test
    void splits_by_largest_remainder_and_sums_exactly() {
        // 1000 input at 3 USD/M, 200 output at 15 USD/M, 5007 cache read at 0.30 USD/M: recorded as 7500 + 2 micros.
        long[] parts = CostSplit.byWeights(7502, weights(3_000_000_000L, 3_000_000_000L, 1_502_100_000L, 0, 0, 0));

        // Exact shares 2999.96, 2999.96, 1502.08: floors 2999, 2999, 1502 leave 2 micros for the two largest.
        assertThat(parts).containsExactly(3000, 3000, 1502, 0, 0, 0);
    }

    @Test
    void ties_go_to_the_earlier_part() {
        assertThat(CostSplit.byWeights(1, weights(1, 1, 1))).containsExactly(1, 0, 0);
        assertThat(CostSplit.byWeights(2, weights(1, 1, 1))).containsExactly(1, 1, 0);
        assertThat(CostSplit.byWeights(5, weights(0, 1, 1))).containsExactly(0, 3, 2);
    }

    @Test
    void a_negative_amount_is_split_by_its_magnitude() {
        assertThat(CostSplit.byWeights(-7502, weights(3_000_000_000L, 3_000_000_000L, 1_502_100_000L)))
                .containsExactly(-3000, -3000, -1502);
    }

    @Test
    void zero_splits_into_zeros_whatever_the_weights() {
        assertThat(CostSplit.byWeights(0, weights(0, 0))).containsExactly(0, 0);
        assertThat(CostSplit.splittable(0, weights(0, 0))).isTrue();
    }

    @Test
    void refuses_what_has_no_proportion() {
        assertThat(CostSplit.splittable(10, weights(0, 0))).isFalse();
        assertThat(CostSplit.splittable(10, weights(5, -1))).isFalse();
        assertThatThrownBy(() -> CostSplit.byWeights(10, weights(0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weights_beyond_a_long_still_split_exactly() {
        BigInteger huge = BigInteger.valueOf(1_000_000_000_000L).multiply(BigInteger.valueOf(1_000_000_000_000L));
        long[] parts = CostSplit.byWeights(Long.MAX_VALUE, new BigInteger[] {huge, huge, BigInteger.ONE});

        assertThat(parts[0] + parts[1] + parts[2]).isEqualTo(Long.MAX_VALUE);
        assertThat(parts[2]).isZero();
    }

    @Test
    void every_split_sums_exactly_and_each_part_is_within_one_micro_of_its_exact_share() {
        Random random = new Random(20_261_123L);
        for (int round = 0; round < 2_000; round++) {
            long total = random.nextInt(2_000_001) - 1_000_000L;
            long[] values = new long[6];
            for (int index = 0; index < values.length; index++) {
                values[index] = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000) * 15_000_000L;
            }
            BigInteger[] weights = weights(values);
            if (!CostSplit.splittable(total, weights)) {
                continue;
            }
            long[] parts = CostSplit.byWeights(total, weights);

            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            BigInteger sum = Arrays.stream(weights).reduce(BigInteger.ZERO, BigInteger::add);
            for (int index = 0; index < parts.length; index++) {
                // |part - total * w / W| < 1, in integers: |part * W - total * w| < W
                BigInteger error = BigInteger.valueOf(parts[index]).multiply(sum)
                        .subtract(BigInteger.valueOf(total).multiply(weights[index])).abs();
                assertThat(error).isLessThan(sum);
            }
        }
    }

    @Test
    void all_on_one_part() {
        assertThat(CostSplit.allOn(-40, 2, 4)).containsExactly(0, 0, -40, 0);
    }
}
