package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aispend.platform.ledger.TestEvents.MONDAY;
import static dev.aispend.platform.ledger.TestEvents.hashOf;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerChainTest {

    @Test
    void accepts_entries_each_linked_to_the_one_before_from_the_genesis_hash() {
        assertThatCode(() -> LedgerChain.requireLinked(0, null,
                List.of(event(1), event(2), event(3)))).doesNotThrowAnyException();
    }

    @Test
    void accepts_entries_linked_to_the_entry_hash_of_the_checkpoint() {
        assertThatCode(() -> LedgerChain.requireLinked(4, hashOf(4),
                List.of(event(5), event(6)))).doesNotThrowAnyException();
    }

    @Test
    void refuses_an_entry_that_does_not_link_to_the_checkpoint() {
        assertThatThrownBy(() -> LedgerChain.requireLinked(4, hashOf(99),
                List.of(event(5))))
                .isInstanceOf(LedgerChain.BrokenLinkException.class)
                .hasMessageContaining("ledger position 5");
    }

    @Test
    void refuses_a_first_entry_that_does_not_start_from_the_genesis_hash() {
        assertThatThrownBy(() -> LedgerChain.requireLinked(0, null,
                List.of(event(2)))).isInstanceOf(LedgerChain.BrokenLinkException.class);
    }

    @Test
    void refuses_a_break_within_a_delivery() {
        LedgerEvent third = event(3);
        LedgerEvent notLinked = new LedgerEvent(new LedgerEnvelope(4, "event-4", "SpendRecorded", 1,
                MONDAY.toString(), null, hashOf(77), hashOf(4), third.envelope().payloadBase64()), third.payload());

        assertThatThrownBy(() -> LedgerChain.requireLinked(2, hashOf(2),
                List.of(third, notLinked))).isInstanceOf(LedgerChain.BrokenLinkException.class)
                .hasMessageContaining("ledger position 4");
    }

    @Test
    void does_not_check_the_first_link_when_the_checkpoint_hash_is_unknown() {
        assertThatCode(() -> LedgerChain.requireLinked(4, null,
                List.of(event(5)))).doesNotThrowAnyException();
    }

    private static LedgerEvent event(long position) {
        return TestEvents.event(position, TestEvents.unpriced("u" + position, "team", MONDAY, 1));
    }
}
