package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisibilityLagTest {

    @Test
    void records_become_visible_at_the_first_sample_showing_the_acknowledged_total() {
        VisibilityLag.Lags lags = VisibilityLag.of(
                List.of(new VisibilityLag.Ack(0, 10), new VisibilityLag.Ack(10, 10)),
                List.of(new VisibilityLag.Sample(5, 0), new VisibilityLag.Sample(20, 10),
                        new VisibilityLag.Sample(30, 20)));

        assertThat(lags.sortedNanos()).containsExactly(20, 20);
        assertThat(lags.seenRecords()).isEqualTo(20);
        assertThat(lags.unseenRecords()).isZero();
        assertThat(lags.quantileNanos(0.5)).isEqualTo(20);
    }

    @Test
    void weights_each_lag_by_the_records_of_its_acknowledgement() {
        VisibilityLag.Lags lags = VisibilityLag.of(
                List.of(new VisibilityLag.Ack(0, 98), new VisibilityLag.Ack(0, 2)),
                List.of(new VisibilityLag.Sample(10, 98), new VisibilityLag.Sample(500, 100)));

        assertThat(lags.quantileNanos(0.5)).isEqualTo(10);
        assertThat(lags.quantileNanos(0.98)).isEqualTo(10);
        assertThat(lags.quantileNanos(0.99)).isEqualTo(500);
        assertThat(lags.quantileNanos(1.0)).isEqualTo(500);
    }

    @Test
    void a_sample_taken_before_the_acknowledgement_does_not_count_even_when_it_shows_enough() {
        // Another run's records, or a count read just before this acknowledgement: never a negative lag.
        VisibilityLag.Lags lags = VisibilityLag.of(List.of(new VisibilityLag.Ack(100, 5)),
                List.of(new VisibilityLag.Sample(50, 5), new VisibilityLag.Sample(180, 5)));

        assertThat(lags.sortedNanos()).containsExactly(80);
    }

    @Test
    void a_lower_count_after_a_higher_one_is_an_older_snapshot_and_does_not_hide_the_records() {
        VisibilityLag.Lags lags = VisibilityLag.of(List.of(new VisibilityLag.Ack(0, 10), new VisibilityLag.Ack(1, 10)),
                List.of(new VisibilityLag.Sample(10, 20), new VisibilityLag.Sample(20, 15)));

        assertThat(lags.sortedNanos()).containsExactly(9, 10);
    }

    @Test
    void records_the_last_sample_does_not_show_are_counted_as_unseen() {
        VisibilityLag.Lags lags = VisibilityLag.of(List.of(new VisibilityLag.Ack(0, 10), new VisibilityLag.Ack(5, 7)),
                List.of(new VisibilityLag.Sample(10, 12)));

        assertThat(lags.seenRecords()).isEqualTo(10);
        assertThat(lags.unseenRecords()).isEqualTo(7);
    }

    @Test
    void acknowledgements_without_spend_records_have_no_lag() {
        VisibilityLag.Lags lags = VisibilityLag.of(List.of(new VisibilityLag.Ack(0, 0)),
                List.of(new VisibilityLag.Sample(10, 0)));

        assertThat(lags.sortedNanos()).isEmpty();
        assertThat(lags.quantileNanos(0.99)).isEqualTo(-1);
    }

    @Test
    void refuses_a_quantile_outside_zero_to_one() {
        VisibilityLag.Lags lags = VisibilityLag.of(List.of(), List.of());

        assertThatThrownBy(() -> lags.quantileNanos(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lags.quantileNanos(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
