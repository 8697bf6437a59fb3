package dev.aispend.report.spend;

import dev.aispend.testsupport.ledger.ProjectionDatabase;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 on a database the foundation filled: the single checkpoint row becomes daily-spend's, at the same position,
 * and the spend counted so far is all unpriced (the foundation had no prices).
 */
class CheckpointMigrationIT {

    @Test
    void keeps_the_position_of_the_single_checkpoint_for_the_daily_spend_projection() {
        ProjectionDatabase database = ProjectionDatabase.create("report");
        database.migrateTo("1");
        database.execute("UPDATE ledger_checkpoint SET applied_position = 7, applied_at = now() WHERE id = 1", """
                INSERT INTO daily_spend (day, team, model, records, input_tokens, output_tokens, cache_read_tokens,
                    cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, last_ledger_position)
                VALUES ('2026-11-20', 'platform', 'model-a', 3, 300, 30, 0, 0, 0, 0, 7)""");

        database.migrateTo("2");

        // The foundation never stored the hash of the entry it applied last: unknown, so not checked.
        assertThat(database.query("SELECT projection, applied_position, applied_entry_hash FROM ledger_checkpoint"))
                .containsExactly(Arrays.asList("daily-spend", 7L, null));
        assertThat(database.query("SELECT records, cost_usd_micros, unpriced_records FROM daily_spend"))
                .containsExactly(List.of(3L, 0L, 3L));
    }
}
