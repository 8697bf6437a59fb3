package dev.aispend.report.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FractionsTest {

    @Test
    void rounds_a_per_unit_figure_half_up_and_gives_null_without_a_unit() {
        assertThat(Fractions.perUnit(5, 2)).isEqualTo(3);
        assertThat(Fractions.perUnit(7, 3)).isEqualTo(2);
        assertThat(Fractions.perUnit(8, 3)).isEqualTo(3);
        assertThat(Fractions.perUnit(2_500_000, 4)).isEqualTo(625_000);
        assertThat(Fractions.perUnit(0, 4)).isZero();
        assertThat(Fractions.perUnit(9, 0)).isNull();
    }

    @Test
    void scales_a_value_whose_product_is_past_a_long_without_overflow() {
        long thirtyDaysMillis = 30L * 24 * 3_600_000;
        // $8,260.32 month to date after 23.5 days: the product 2.1e19 is past Long.MAX_VALUE (9.2e18).
        assertThat(Fractions.scaledHalfUp(8_260_318_577L, thirtyDaysMillis, 2_030_400_000L))
                .isEqualTo(10_545_087_545L);
        assertThat(Fractions.scaledHalfUp(5, 1, 2)).isEqualTo(3);
        assertThat(Fractions.scaledHalfUp(-5, 1, 2)).isEqualTo(-3);
    }

    @Test
    void writes_a_fraction_as_a_decimal_string_with_fixed_places_rounded_half_up() {
        assertThat(Fractions.decimal(2, 3, 2)).isEqualTo("0.67");
        assertThat(Fractions.decimal(1, 8, 2)).isEqualTo("0.13");
        assertThat(Fractions.decimal(3, 1, 2)).isEqualTo("3.00");
        assertThat(Fractions.decimal(1, 3, 4)).isEqualTo("0.3333");
        assertThat(Fractions.decimal(1, 0, 2)).isNull();
    }

    @Test
    void takes_a_ratio_of_two_quotients_from_the_integers_not_from_their_rounded_values() {
        // (10/3) / (1/1) = 3.333..., where the rounded quotients would give 3 / 1 = 3.00.
        assertThat(Fractions.ratioOfQuotients(10, 3, 1, 1, 2)).isEqualTo("3.33");
        // (1_200_000 / 8) / (120_000 / 4) = 150_000 / 30_000 = 5
        assertThat(Fractions.ratioOfQuotients(1_200_000, 8, 120_000, 4, 2)).isEqualTo("5.00");
        assertThat(Fractions.ratioOfQuotients(1, 0, 1, 1, 2)).isNull();
        assertThat(Fractions.ratioOfQuotients(1, 1, 0, 1, 2)).isNull();
        assertThat(Fractions.ratioOfQuotients(1, 1, 1, 0, 2)).isNull();
    }

    @Test
    void takes_the_mean_of_two_middle_values_rounded_half_up_without_overflow() {
        assertThat(Fractions.meanOfTwo(3, 4)).isEqualTo(4);
        assertThat(Fractions.meanOfTwo(3, 5)).isEqualTo(4);
        assertThat(Fractions.meanOfTwo(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
