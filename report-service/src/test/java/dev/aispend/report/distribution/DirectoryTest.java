package dev.aispend.report.distribution;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryTest {
    private static final Instant WEEK_1_END = Instant.parse("2026-10-12T00:00:00Z");
    private static final Instant WEEK_2_END = Instant.parse("2026-10-19T00:00:00Z");
    private static final Instant WEEK_3_END = Instant.parse("2026-10-26T00:00:00Z");

    private static Directory.Link link(String person, String team, String effectiveFrom, long position) {
        return new Directory.Link(person, team, Instant.parse(effectiveFrom), position);
    }

    @Test
    void finds_each_weeks_team_by_the_link_in_force_just_before_its_end() {
        List<Directory.Link> links = List.of(
                link("prs_a", "research", "2026-10-14T00:00:00Z", 40),
                link("prs_a", "platform", "2026-09-01T00:00:00Z", 10),
                // In force from the second week's end on: not before it.
                link("prs_b", "platform", "2026-10-19T00:00:00Z", 20));

        Map<Instant, Map<String, String>> directories = Directory.inForce(links,
                List.of(WEEK_1_END, WEEK_2_END, WEEK_3_END));

        assertThat(directories.get(WEEK_1_END)).isEqualTo(Map.of("prs_a", "platform"));
        assertThat(directories.get(WEEK_2_END)).isEqualTo(Map.of("prs_a", "research"));
        assertThat(directories.get(WEEK_3_END)).isEqualTo(Map.of("prs_a", "research", "prs_b", "platform"));
    }

    @Test
    void takes_the_later_position_on_a_tie_and_leaves_the_departed_out() {
        List<Directory.Link> links = List.of(
                link("prs_a", "platform", "2026-10-01T00:00:00Z", 30),
                link("prs_a", "research", "2026-10-01T00:00:00Z", 20),
                link("prs_c", "data", "2026-09-01T00:00:00Z", 5),
                link("prs_c", Directory.DEPARTED, "2026-10-14T00:00:00Z", 50));

        Map<Instant, Map<String, String>> directories = Directory.inForce(links, List.of(WEEK_1_END, WEEK_2_END));

        assertThat(directories.get(WEEK_1_END)).isEqualTo(Map.of("prs_a", "platform", "prs_c", "data"));
        assertThat(directories.get(WEEK_2_END)).isEqualTo(Map.of("prs_a", "platform"));
    }
}
