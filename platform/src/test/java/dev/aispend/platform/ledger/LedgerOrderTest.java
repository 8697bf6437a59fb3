package dev.aispend.platform.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aispend.platform.ledger.TestEvents.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerOrderTest {

    @Test
    void takes_entries_after_the_checkpoint_in_position_order() {
        List<LedgerEvent> toApply = LedgerOrder.toApplyAfter(2, List.of(event(4), event(3), event(5)));

        assertThat(toApply).extracting(LedgerEvent::position).containsExactly(3L, 4L, 5L);
    }

    @Test
    void drops_redelivered_and_duplicated_entries() {
        List<LedgerEvent> toApply = LedgerOrder.toApplyAfter(2, List.of(event(1), event(2), event(3), event(3)));

        assertThat(toApply).extracting(LedgerEvent::position).containsExactly(3L);
    }

    @Test
    void refuses_to_apply_past_a_gap() {
        assertThatThrownBy(() -> LedgerOrder.toApplyAfter(2, List.of(event(3), event(5))))
                .isInstanceOf(LedgerOrder.LedgerGapException.class)
                .hasMessageContaining("position 5 where 4 was expected");
    }

    private static LedgerEvent event(long position) {
        return TestEvents.event(position, TestEvents.unpriced("u" + position, "team", MONDAY, 1));
    }
}
