package dev.aispend.policy.spend;

import dev.aispend.testsupport.ledger.ProjectionDatabase;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 on a database the foundation filled: the single checkpoint row becomes team-spend's, at the same position,
 * and the spend counted so far is all unpriced (the foundation had no prices).
 */
class CheckpointMigrationIT {

    @Test
    void keeps_the_position_of_the_single_checkpoint_for_the_team_spend_projection() {
        ProjectionDatabase database = ProjectionDatabase.create("policy");
        database.migrateTo("1");
        database.execute("UPDATE ledger_checkpoint SET applied_position = 12, applied_at = now() WHERE id = 1", """
                INSERT INTO team_spend (team, records, input_tokens, output_tokens, cache_read_tokens,
                    cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, last_ledger_position)
                VALUES ('platform', 5, 500, 50, 0, 0, 0, 0, 12)""");

        database.migrateTo("latest");

        // The foundation never stored the hash of the entry it applied last: unknown, so not checked.
        assertThat(database.query("SELECT projection, applied_position, applied_entry_hash FROM ledger_checkpoint"))
                .containsExactly(Arrays.asList("team-spend", 12L, null));
        assertThat(database.query("SELECT records, cost_usd_micros, unpriced_records FROM team_spend"))
                .containsExactly(List.of(5L, 0L, 5L));
    }
}
