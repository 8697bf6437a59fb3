package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.contracts.ledger.UsageRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerOrderTest {

    @Test
    void takes_entries_after_the_checkpoint_in_position_order() {
        List<LedgerEntry> toApply = LedgerOrder.toApplyAfter(2, List.of(entry(4), entry(3), entry(5)));

        assertThat(toApply).extracting(LedgerEntry::ledgerPosition).containsExactly(3L, 4L, 5L);
    }

    @Test
    void drops_redelivered_and_duplicated_entries() {
        List<LedgerEntry> toApply = LedgerOrder.toApplyAfter(2, List.of(entry(1), entry(2), entry(3), entry(3)));

        assertThat(toApply).extracting(LedgerEntry::ledgerPosition).containsExactly(3L);
    }

    @Test
    void refuses_to_apply_past_a_gap() {
        assertThatThrownBy(() -> LedgerOrder.toApplyAfter(2, List.of(entry(3), entry(5))))
                .isInstanceOf(LedgerOrder.LedgerGapException.class)
                .hasMessageContaining("position 5 where 4 was expected");
    }

    private static LedgerEntry entry(long position) {
        return LedgerEntry.ofUsage(position, "event-" + position, Instant.EPOCH, new UsageRecorded("u" + position,
                Instant.EPOCH, "api", "team", "prs_x", "model", TokenCounts.of(1, 1)));
    }
}
