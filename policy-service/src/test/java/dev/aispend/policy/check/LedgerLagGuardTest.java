package dev.aispend.policy.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks fail closed while the policy projection is far behind the ledger or rebuilding. */
class LedgerLagGuardTest {
    private final LedgerLagGuard guard = new LedgerLagGuard(null, null, null, "unused", 100);

    @Test
    void answers_while_the_projection_is_within_the_bound() {
        assertThat(guard.judge(1_000, 950)).isNull();
        assertThat(guard.judge(1_000, 900)).isNull();
    }

    @Test
    void refuses_past_the_bound() {
        assertThat(guard.judge(1_000, 899)).contains("101 entries behind");
    }

    @Test
    void refuses_while_a_rebuild_has_not_reached_where_the_projection_was() {
        assertThat(guard.judge(1_000, 1_000)).isNull();

        assertThat(guard.judge(1_000, 10)).contains("being rebuilt");
        assertThat(guard.judge(1_000, 950)).isNull();
    }
}
