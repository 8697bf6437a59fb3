package dev.aispend.report.spend;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DailySpendRepository extends GenericRepository<DailySpend, Long> {

    /** Rows of the days from {@code from} to {@code to}, both included, in a stable order. */
    @Query("SELECT * FROM daily_spend WHERE day BETWEEN :from AND :to ORDER BY day, team, model")
    List<DailySpend> findBetween(LocalDate from, LocalDate to);

    /**
     * Adds a delta to one day, team and model, creating the row the first time.
     * {@code unpricedRecords} is negative when the delivery priced spend recorded unpriced earlier. PostgreSQL
     * checks the proposed INSERT row against {@code unpriced_records >= 0} even when the row exists and is
     * updated instead, so the inserted value is never below 0 and the update adds the delta itself.
     */
    @Query("""
            INSERT INTO daily_spend (day, team, model, records, input_tokens, output_tokens, cache_read_tokens,
                cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, cost_usd_micros, unpriced_records,
                last_ledger_position)
            VALUES (:day, :team, :model, :records, :inputTokens, :outputTokens, :cacheReadTokens,
                :cacheWrite5mTokens, :cacheWrite1hTokens, :reasoningTokens, :costUsdMicros,
                GREATEST(:unpricedRecords, 0), :lastLedgerPosition)
            ON CONFLICT (day, team, model) DO UPDATE SET
                records = daily_spend.records + EXCLUDED.records,
                input_tokens = daily_spend.input_tokens + EXCLUDED.input_tokens,
                output_tokens = daily_spend.output_tokens + EXCLUDED.output_tokens,
                cache_read_tokens = daily_spend.cache_read_tokens + EXCLUDED.cache_read_tokens,
                cache_write5m_tokens = daily_spend.cache_write5m_tokens + EXCLUDED.cache_write5m_tokens,
                cache_write1h_tokens = daily_spend.cache_write1h_tokens + EXCLUDED.cache_write1h_tokens,
                reasoning_tokens = daily_spend.reasoning_tokens + EXCLUDED.reasoning_tokens,
                cost_usd_micros = daily_spend.cost_usd_micros + EXCLUDED.cost_usd_micros,
                unpriced_records = daily_spend.unpriced_records + :unpricedRecords,
                last_ledger_position = EXCLUDED.last_ledger_position
            """)
    void add(LocalDate day, String team, String model, long records, long inputTokens, long outputTokens,
             long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens,
             long costUsdMicros, long unpricedRecords, long lastLedgerPosition);
}
