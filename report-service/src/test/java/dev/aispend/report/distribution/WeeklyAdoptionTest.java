package dev.aispend.report.distribution;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyAdoptionTest {
    private static final Map<String, String> DIRECTORY = Map.of("prs_a", "platform", "prs_b", "platform",
            "prs_c", "research");

    @Test
    void counts_active_people_of_the_directory_overall_and_per_team_and_active_people_outside_it() {
        WeeklyAdoption.Week week = WeeklyAdoption.of(DIRECTORY, Set.of("prs_a", "prs_c", "als_x"),
                Set.of("prs_a", "prs_c", "als_x"), null);

        assertThat(week.overall()).isEqualTo(new WeeklyAdoption.Counts(3, 2));
        assertThat(week.activeOutsideDirectory()).isEqualTo(1);
        assertThat(week.teams()).containsExactly(
                new WeeklyAdoption.TeamCounts("platform", new WeeklyAdoption.Counts(2, 1)),
                new WeeklyAdoption.TeamCounts("research", new WeeklyAdoption.Counts(1, 1)));
    }

    @Test
    void with_a_team_counts_its_people_active_anywhere_and_outsiders_whose_spend_counted_for_it() {
        // prs_c spent for platform but is research's: active, but neither platform's nor outside the directory.
        WeeklyAdoption.Week week = WeeklyAdoption.of(DIRECTORY, Set.of("prs_a", "prs_c", "als_x", "als_y"),
                Set.of("prs_c", "als_x"), "platform");

        assertThat(week.overall()).isEqualTo(new WeeklyAdoption.Counts(2, 1));
        assertThat(week.activeOutsideDirectory()).isEqualTo(1);
        assertThat(week.teams()).containsExactly(
                new WeeklyAdoption.TeamCounts("platform", new WeeklyAdoption.Counts(2, 1)));
    }
}
