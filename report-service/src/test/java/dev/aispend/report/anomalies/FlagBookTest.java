package dev.aispend.report.anomalies;

import dev.aispend.report.anomalies.FlagBook.Clearing;
import dev.aispend.report.anomalies.FlagBook.Flag;
import dev.aispend.report.anomalies.FlagBook.Resolved;
import dev.aispend.report.anomalies.FlagBook.Sum;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlagBookTest {
    private static final Instant END = Instant.parse("2026-10-12T00:00:00Z");

    private static Flag flag(long position, String rule, String person, String window, long spend) {
        return new Flag(position, "ANOMALY_FLAGGED:" + rule + ":" + person + ":" + window, rule, 1, "RULE", "name",
                "platform", person, window, spend, END);
    }

    private static Clearing clearing(long position, Flag flag, String actor) {
        return new Clearing(position, "ANOMALY_CLEARED:" + flag.decisionId(), flag.decisionId(), actor, "reviewed",
                END.plusSeconds(position));
    }

    @Test
    void a_flag_is_open_until_a_clearing_recorded_after_it_and_the_earliest_clearing_counts() {
        Flag open = flag(10, "a", "prs_1", "2026-W41", 60_000_000);
        Flag cleared = flag(11, "a", "prs_2", "2026-W41", 70_000_000);
        Flag clearedTooEarly = flag(20, "a", "prs_3", "2026-W41", 80_000_000);

        List<Resolved> resolved = FlagBook.resolve(List.of(open, cleared, clearedTooEarly), List.of(
                clearing(30, cleared, "second"), clearing(25, cleared, "first"), clearing(15, clearedTooEarly, "x"),
                clearing(26, flag(12, "b", "prs_9", "2026-W41", 1), "unknown flag")));

        assertThat(resolved).extracting(Resolved::open).containsExactly(true, false, true);
        assertThat(resolved.get(1).clearing().actor()).isEqualTo("first");
        assertThat(resolved.get(1).clearing().position()).isEqualTo(25);
    }

    @Test
    void totals_count_a_persons_window_once_and_open_while_any_of_its_flags_is_open() {
        Flag weekA = flag(10, "a", "prs_1", "2026-W41", 60_000_000);
        Flag weekB = flag(11, "b", "prs_1", "2026-W41", 65_000_000);
        Flag month = flag(12, "c", "prs_1", "2026-10", 200_000_000);
        Flag other = flag(13, "a", "prs_2", "2026-W41", 40_000_000);
        List<Resolved> resolved = FlagBook.resolve(List.of(weekA, weekB, month, other),
                List.of(clearing(20, weekA, "r"), clearing(21, month, "r")));

        FlagBook.Totals totals = FlagBook.totals(resolved);

        assertThat(totals.open()).isEqualTo(new Sum(2, 2, 65_000_000 + 40_000_000));
        assertThat(totals.cleared()).isEqualTo(new Sum(2, 1, 200_000_000));
        assertThat(totals.all()).isEqualTo(new Sum(4, 3, 305_000_000));
        assertThat(FlagBook.totals(List.of())).isEqualTo(FlagBook.Totals.NONE);
    }
}
