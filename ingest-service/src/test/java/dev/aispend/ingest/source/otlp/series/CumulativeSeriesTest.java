package dev.aispend.ingest.source.otlp.series;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CumulativeSeriesTest {
    private static final SeriesState LAST = new SeriesState(2_000, new BigDecimal("1000"));

    @Test
    void counts_the_whole_value_of_the_first_point_seen() {
        CumulativeSeries.Step step = CumulativeSeries.advance(null, 1_000, new BigDecimal("1000"));

        assertThat(step.increase()).isEqualByComparingTo("1000");
        assertThat(step.next()).isEqualTo(new SeriesState(1_000, new BigDecimal("1000")));
    }

    @Test
    void counts_only_the_increase_over_the_last_point() {
        CumulativeSeries.Step step = CumulativeSeries.advance(LAST, 3_000, new BigDecimal("1500"));

        assertThat(step.increase()).isEqualByComparingTo("500");
        assertThat(step.next()).isEqualTo(new SeriesState(3_000, new BigDecimal("1500")));
    }

    @Test
    void counts_a_repeated_or_older_point_as_nothing_and_keeps_the_state() {
        assertThat(CumulativeSeries.advance(LAST, 2_000, new BigDecimal("1000")))
                .isEqualTo(new CumulativeSeries.Step(BigDecimal.ZERO, LAST));
        assertThat(CumulativeSeries.advance(LAST, 1_500, new BigDecimal("1900")))
                .isEqualTo(new CumulativeSeries.Step(BigDecimal.ZERO, LAST));
    }

    @Test
    void starts_over_from_the_new_value_when_the_total_went_down() {
        CumulativeSeries.Step step = CumulativeSeries.advance(LAST, 3_000, new BigDecimal("40"));

        assertThat(step.increase()).isEqualByComparingTo("40");
        assertThat(step.next()).isEqualTo(new SeriesState(3_000, new BigDecimal("40")));
    }

    @Test
    void subtracts_money_exactly() {
        SeriesState last = new SeriesState(1, BigDecimal.valueOf(0.1));

        assertThat(CumulativeSeries.advance(last, 2, BigDecimal.valueOf(0.30000000000000004)).increase())
                .isEqualByComparingTo("0.20000000000000004");
    }
}
