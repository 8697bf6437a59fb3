package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.identity.DirectoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry in force at an instant: the greatest valid-from at or before it, in PostgreSQL's microseconds. */
class AliasHistoryTest {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00.000010Z");
    private static final Instant MOVED = Instant.parse("2026-06-01T00:00:00.000020Z");
    private static final DirectoryEntry PLATFORM = new DirectoryEntry("prs_1", "platform", "cc-1");
    private static final DirectoryEntry RESEARCH = new DirectoryEntry("prs_1", "research", null);

    private final AliasHistory history = history();

    @Test
    void answers_the_entry_from_its_valid_from_on() {
        assertThat(history.inForceAt(JOINED)).isEqualTo(PLATFORM);
        assertThat(history.inForceAt(MOVED.minusSeconds(1))).isEqualTo(PLATFORM);
        assertThat(history.inForceAt(MOVED)).isEqualTo(RESEARCH);
        assertThat(history.inForceAt(MOVED.plusSeconds(86_400 * 365))).isEqualTo(RESEARCH);
    }

    @Test
    void answers_the_earlier_entry_or_none_one_microsecond_before_a_valid_from() {
        assertThat(history.inForceAt(JOINED.minusNanos(1_000))).isNull();
        assertThat(history.inForceAt(MOVED.minusNanos(1_000))).isEqualTo(PLATFORM);
    }

    @Test
    void compares_an_instant_with_nanoseconds_as_postgresql_rounds_it() {
        // Less than half a microsecond before the valid-from rounds up to it: in force, as the SQL answers.
        assertThat(history.inForceAt(MOVED.minusNanos(400))).isEqualTo(RESEARCH);
        // Exactly half a microsecond before 20 µs is 19.5 µs: PostgreSQL's rint gives 20 (to even), in force.
        assertThat(history.inForceAt(MOVED.minusNanos(500))).isEqualTo(RESEARCH);
        // Half a microsecond before 10 µs is 9.5 µs: rint gives 10 (to even) too.
        assertThat(history.inForceAt(JOINED.minusNanos(500))).isEqualTo(PLATFORM);
        // More than half a microsecond before rounds down: the earlier entry.
        assertThat(history.inForceAt(MOVED.minusNanos(600))).isEqualTo(PLATFORM);
        assertThat(history.inForceAt(MOVED.plusNanos(499))).isEqualTo(RESEARCH);
    }

    @Test
    void rounds_a_half_microsecond_after_an_odd_one_away_from_the_valid_from() {
        Instant odd = Instant.parse("2026-03-01T00:00:00.000011Z");
        TreeMap<Instant, DirectoryEntry> rows = new TreeMap<>();
        rows.put(odd, RESEARCH);
        AliasHistory fromOdd = AliasHistory.of(rows);

        // 10.5 µs: rint gives 10 (to even), before the valid-from of 11 µs.
        assertThat(fromOdd.inForceAt(odd.minusNanos(500))).isNull();
        // 11.5 µs: rint gives 12, in force.
        assertThat(fromOdd.inForceAt(odd.plusNanos(500))).isEqualTo(RESEARCH);
    }

    @Test
    void answers_nothing_for_an_alias_without_rows() {
        assertThat(AliasHistory.of(new TreeMap<>())).isSameAs(AliasHistory.NONE);
        assertThat(AliasHistory.NONE.inForceAt(MOVED)).isNull();
        assertThat(AliasHistory.NONE.isEmpty()).isTrue();
    }

    private static AliasHistory history() {
        TreeMap<Instant, DirectoryEntry> rows = new TreeMap<>();
        rows.put(MOVED, RESEARCH);
        rows.put(JOINED, PLATFORM);
        return AliasHistory.of(rows);
    }
}
