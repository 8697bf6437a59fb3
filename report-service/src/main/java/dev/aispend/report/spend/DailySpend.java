package dev.aispend.report.spend;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/**
 * Spend of one team on one model on one UTC day. {@code costUsdMicros} includes every re-pricing of that day's
 * spend; {@code unpricedRecords} counts records recorded without a price.
 */
@MappedEntity("daily_spend")
public record DailySpend(
        @Id @GeneratedValue Long id,
        LocalDate day,
        String team,
        String model,
        long records,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        long reasoningTokens,
        long costUsdMicros,
        long unpricedRecords,
        long lastLedgerPosition) {
}
