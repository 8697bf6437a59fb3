package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.usage.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.ledger.TestEvents.MONDAY;
import static dev.aispend.platform.ledger.TestEvents.event;
import static dev.aispend.platform.ledger.TestEvents.priced;
import static dev.aispend.platform.ledger.TestEvents.repricing;
import static dev.aispend.platform.ledger.TestEvents.unpriced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpendTallyTest {

    @Test
    void tallies_records_tokens_cost_unpriced_records_and_last_position_per_key() {
        Map<String, SpendTally> byTeam = SpendTally.byKey(List.of(
                event(1, priced("r1", "a", MONDAY, 10, 1_000)),
                event(2, unpriced("r2", "b", MONDAY, 20)),
                event(3, unpriced("r3", "a", MONDAY, 30))), SpendAttribution::team);

        assertThat(byTeam.keySet()).containsExactly("a", "b");
        SpendTally a = byTeam.get("a");
        assertThat(a.records()).isEqualTo(2);
        assertThat(a.tokens()).isEqualTo(TokenCounts.of(40, 2));
        assertThat(a.costUsdMicros()).isEqualTo(1_000);
        assertThat(a.unpricedRecords()).isEqualTo(1);
        assertThat(a.lastLedgerPosition()).isEqualTo(3);
        assertThat(byTeam.get("b").tokens()).isEqualTo(TokenCounts.of(20, 1));
        assertThat(byTeam.get("b").unpricedRecords()).isEqualTo(1);
    }

    @Test
    void adds_a_repricing_delta_to_the_day_of_the_original_spend_without_counting_a_record() {
        Instant lastMonth = Instant.parse("2026-10-05T08:00:00Z");
        SpendRecorded original = priced("r1", "a", lastMonth, 100, 5_000);

        Map<LocalDate, SpendTally> byDay = SpendTally.byKey(List.of(
                event(1, original),
                event(2, priced("r2", "a", MONDAY, 1, 1)),
                event(3, repricing(1, original, 3_500))), SpendAttribution::utcDay);

        SpendTally octoberFifth = byDay.get(LocalDate.of(2026, 10, 5));
        assertThat(octoberFifth.costUsdMicros()).isEqualTo(3_500);
        assertThat(octoberFifth.records()).isEqualTo(1);
        assertThat(octoberFifth.tokens()).isEqualTo(TokenCounts.of(100, 1));
        assertThat(octoberFifth.lastLedgerPosition()).isEqualTo(3);
        assertThat(octoberFifth.unpricedRecords()).isZero();
        assertThat(byDay.get(LocalDate.of(2026, 11, 23)).costUsdMicros()).isEqualTo(1);
    }

    @Test
    void takes_a_first_priced_record_out_of_the_unpriced_records_of_the_original_spends_key() {
        Instant lastMonth = Instant.parse("2026-10-05T08:00:00Z");
        SpendRecorded original = unpriced("r1", "a", lastMonth, 100);

        Map<LocalDate, SpendTally> byDay = SpendTally.byKey(List.of(
                event(1, original),
                event(2, unpriced("r2", "a", lastMonth, 10)),
                event(3, unpriced("r3", "a", MONDAY, 1)),
                event(4, repricing(1, original, 700))), SpendAttribution::utcDay);

        SpendTally octoberFifth = byDay.get(LocalDate.of(2026, 10, 5));
        assertThat(octoberFifth.unpricedRecords()).isEqualTo(1);
        assertThat(octoberFifth.records()).isEqualTo(2);
        assertThat(octoberFifth.costUsdMicros()).isEqualTo(700);
        assertThat(byDay.get(LocalDate.of(2026, 11, 23)).unpricedRecords()).isEqualTo(1);
    }

    @Test
    void counts_minus_one_unpriced_record_for_a_delivery_that_only_prices_earlier_spend() {
        SpendRecorded original = unpriced("r1", "a", MONDAY, 100);

        SpendTally a = SpendTally.byKey(List.of(event(5, repricing(1, original, 700))), SpendAttribution::team)
                .get("a");

        assertThat(a.unpricedRecords()).isEqualTo(-1);
        assertThat(a.records()).isZero();
        assertThat(a.costUsdMicros()).isEqualTo(700);
    }

    @Test
    void counts_nothing_for_other_event_types() {
        UsageConflictFlagged conflict = new UsageConflictFlagged("r1", "a".repeat(64), "b".repeat(64), MONDAY,
                MONDAY, "api", "a", "prs_x", "model", TokenCounts.of(5, 5));

        assertThat(SpendTally.byKey(List.of(event(1, conflict)), SpendAttribution::team)).isEmpty();
    }

    @Test
    void refuses_entries_out_of_ledger_order() {
        SpendRepriced repricing = repricing(1, priced("r1", "a", MONDAY, 1, 1), 10);
        SpendTally tally = new SpendTally();
        tally.addRepricing(repricing, 5);

        assertThatThrownBy(() -> tally.addRepricing(repricing, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_to_wrap_a_cost_that_overflows() {
        SpendRecorded free = priced("r1", "a", MONDAY, 1, 0);
        SpendTally tally = new SpendTally();
        tally.addRepricing(repricing(1, free, Long.MAX_VALUE), 2);

        assertThatThrownBy(() -> tally.addRepricing(repricing(1, free, 1), 3))
                .isInstanceOf(ArithmeticException.class);
    }
}
