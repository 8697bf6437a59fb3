package dev.aispend.policy.spend;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamSpendRepository extends GenericRepository<TeamSpend, String> {

    Optional<TeamSpend> findById(String team);

    /**
     * Adds a delta to a team's totals, creating the row on the team's first spend.
     * {@code unpricedRecords} is negative when the delivery priced spend recorded unpriced earlier. PostgreSQL
     * checks the proposed INSERT row against {@code unpriced_records >= 0} even when the row exists and is
     * updated instead, so the inserted value is never below 0 and the update adds the delta itself.
     */
    @Query("""
            INSERT INTO team_spend (team, records, input_tokens, output_tokens, cache_read_tokens,
                cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, cost_usd_micros, unpriced_records,
                last_ledger_position)
            VALUES (:team, :records, :inputTokens, :outputTokens, :cacheReadTokens, :cacheWrite5mTokens,
                :cacheWrite1hTokens, :reasoningTokens, :costUsdMicros, GREATEST(:unpricedRecords, 0),
                :lastLedgerPosition)
            ON CONFLICT (team) DO UPDATE SET
                records = team_spend.records + EXCLUDED.records,
                input_tokens = team_spend.input_tokens + EXCLUDED.input_tokens,
                output_tokens = team_spend.output_tokens + EXCLUDED.output_tokens,
                cache_read_tokens = team_spend.cache_read_tokens + EXCLUDED.cache_read_tokens,
                cache_write5m_tokens = team_spend.cache_write5m_tokens + EXCLUDED.cache_write5m_tokens,
                cache_write1h_tokens = team_spend.cache_write1h_tokens + EXCLUDED.cache_write1h_tokens,
                reasoning_tokens = team_spend.reasoning_tokens + EXCLUDED.reasoning_tokens,
                cost_usd_micros = team_spend.cost_usd_micros + EXCLUDED.cost_usd_micros,
                unpriced_records = team_spend.unpriced_records + :unpricedRecords,
                last_ledger_position = EXCLUDED.last_ledger_position
            """)
    void add(String team, long records, long inputTokens, long outputTokens, long cacheReadTokens,
             long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens, long costUsdMicros,
             long unpricedRecords, long lastLedgerPosition);
}
