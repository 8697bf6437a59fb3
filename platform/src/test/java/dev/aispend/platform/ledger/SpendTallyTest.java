package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.contracts.ledger.UsageRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpendTallyTest {

    @Test
    void tallies_records_tokens_and_last_position_per_key() {
        Map<String, SpendTally> byTeam = SpendTally.byKey(List.of(usage(1, "a", 10), usage(2, "b", 20),
                usage(3, "a", 30)), UsageRecorded::team);

        assertThat(byTeam.keySet()).containsExactly("a", "b");
        assertThat(byTeam.get("a").records()).isEqualTo(2);
        assertThat(byTeam.get("a").tokens()).isEqualTo(TokenCounts.of(40, 2));
        assertThat(byTeam.get("a").lastLedgerPosition()).isEqualTo(3);
        assertThat(byTeam.get("b").tokens()).isEqualTo(TokenCounts.of(20, 1));
    }

    @Test
    void refuses_entries_out_of_ledger_order() {
        SpendTally tally = new SpendTally();
        tally.add(TokenCounts.of(1, 1), 5);

        assertThatThrownBy(() -> tally.add(TokenCounts.of(1, 1), 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LedgerEntry usage(long position, String team, long inputTokens) {
        return LedgerEntry.ofUsage(position, "event-" + position, Instant.EPOCH, new UsageRecorded("u" + position,
                Instant.EPOCH, "api", team, "prs_x", "model", TokenCounts.of(inputTokens, 1)));
    }
}
