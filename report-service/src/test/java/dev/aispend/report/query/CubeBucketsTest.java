package dev.aispend.report.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CubeBucketsTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 9, 30);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 10, 13);

    private static CubeBuckets.Bucket bucket(String from, String to) {
        return new CubeBuckets.Bucket(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void is_one_part_when_the_groups_do_not_start_with_a_period() {
        Cube.Filter range = Cube.Filter.between(WEDNESDAY, TUESDAY);

        assertThat(CubeBuckets.of(range, List.of())).containsExactly(new CubeBuckets.Bucket(WEDNESDAY, TUESDAY));
        assertThat(CubeBuckets.of(range, List.of(Dimension.TEAM, Dimension.DAY)))
                .containsExactly(new CubeBuckets.Bucket(WEDNESDAY, TUESDAY));
    }

    @Test
    void cuts_a_day_split_into_days() {
        List<CubeBuckets.Bucket> days = CubeBuckets.of(Cube.Filter.between(WEDNESDAY, TUESDAY),
                List.of(Dimension.DAY, Dimension.TEAM));

        assertThat(days).hasSize(14).first().isEqualTo(new CubeBuckets.Bucket(WEDNESDAY, WEDNESDAY));
        assertThat(days.get(13)).isEqualTo(new CubeBuckets.Bucket(TUESDAY, TUESDAY));
    }

    @Test
    void cuts_weeks_monday_to_sunday_clipped_to_the_range() {
        assertThat(CubeBuckets.of(Cube.Filter.between(WEDNESDAY, TUESDAY), List.of(Dimension.WEEK)))
                .containsExactly(bucket("2026-09-30", "2026-10-04"), bucket("2026-10-05", "2026-10-11"),
                        bucket("2026-10-12", "2026-10-13"));
    }

    @Test
    void cuts_months_at_their_ends_clipped_to_the_range() {
        assertThat(CubeBuckets.of(Cube.Filter.between(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1)),
                List.of(Dimension.MONTH, Dimension.PERSON)))
                .containsExactly(bucket("2024-01-31", "2024-01-31"), bucket("2024-02-01", "2024-02-29"),
                        bucket("2024-03-01", "2024-03-01"));
    }

    @Test
    void places_a_week_or_month_that_began_before_the_range_in_its_first_part() {
        Cube.Filter range = Cube.Filter.between(WEDNESDAY, TUESDAY);

        assertThat(CubeBuckets.dayOf(LocalDate.of(2026, 9, 28), range)).isEqualTo(WEDNESDAY);
        assertThat(CubeBuckets.dayOf(LocalDate.of(2026, 10, 12), range)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void is_one_part_past_its_limit_of_parts() {
        Cube.Filter range = Cube.Filter.between(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1));

        assertThat(CubeBuckets.of(range, List.of(Dimension.MONTH))).hasSize(361);
        assertThat(CubeBuckets.of(range, List.of(Dimension.DAY)))
                .containsExactly(new CubeBuckets.Bucket(range.from(), range.to()));
    }
}
