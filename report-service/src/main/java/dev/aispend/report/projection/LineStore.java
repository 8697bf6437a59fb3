package dev.aispend.report.projection;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one delivery, buffered and written in batches. A correction or a re-attribution reads what was
 * written for its original, so the buffer is flushed before either ({@link #flush}); everything else is written
 * at the end of the delivery, followed by the daily sums of exactly the delivery's lines ({@link DailySums}).
 */
final class LineStore {
    private final List<SpendLine> spendLines = new ArrayList<>();
    private final List<OutcomeLine> outcomeLines = new ArrayList<>();
    private final List<Origin> origins = new ArrayList<>();
    private final List<BudgetLine> budgetLines = new ArrayList<>();

    /** A recorded spend or outcome and whom it counts for now (table attribution_origin). */
    record Origin(long position, String stream, String aliasRef, java.time.Instant occurredAt,
                  Attribution attribution) {
    }

    /** What one entry adds to one budget's period and local day. */
    record BudgetLine(long position, long originPosition, String budgetId, String periodKey,
                      java.time.LocalDate localDay, long records, long costUsdMicros) {
    }

    void add(SpendLine line) {
        spendLines.add(line);
    }

    void add(OutcomeLine line) {
        outcomeLines.add(line);
    }

    void add(Origin origin) {
        origins.add(origin);
    }

    void add(BudgetLine line) {
        budgetLines.add(line);
    }

    void flush(Connection connection) {
        Sql.insertAll(connection, """
                INSERT INTO attribution_origin (origin_position, stream, alias_ref, occurred_at, person_ref, team,
                    cost_center) VALUES (?, ?, ?, ?, ?, ?, ?)""", origins, (row, origin) -> row
                .number(origin.position()).text(origin.stream()).text(origin.aliasRef())
                .instant(origin.occurredAt()).text(origin.attribution().personRef())
                .text(origin.attribution().team()).text(origin.attribution().costCenter()));
        Sql.insertAll(connection, """
                INSERT INTO spend_line (position, origin_position, line_kind, occurred_at, day, team, cost_center,
                    person_ref, model, provider, purpose, source, record_id, rate_card_id, rate_card_version, records,
                    input_tokens, output_tokens, cache_read_tokens, cache_write5m_tokens, cache_write1h_tokens,
                    reasoning_tokens, cost_usd_micros, unpriced_records, reported_records, reported_cost_usd_micros,
                    reported_our_cost_usd_micros)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                spendLines, LineStore::bindSpend);
        Sql.insertAll(connection, """
                INSERT INTO outcome_line (position, origin_position, line_kind, occurred_at, day, team, cost_center,
                    person_ref, kind, source, ai_assistance, outcomes, additions, deletions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomeLines, (row, line) -> row
                .number(line.position()).number(line.originPosition()).text(line.lineKind())
                .instant(line.occurredAt()).day(line.day()).text(line.attribution().team())
                .text(line.attribution().costCenter()).text(line.attribution().personRef()).text(line.kind())
                .text(line.source()).text(line.aiAssistance()).number(line.outcomes()).number(line.additions())
                .number(line.deletions()));
        Sql.insertAll(connection, """
                INSERT INTO budget_line (position, origin_position, budget_id, period_key, local_day, records,
                    cost_usd_micros) VALUES (?, ?, ?, ?, ?, ?, ?)""", budgetLines, (row, line) -> row
                .number(line.position()).number(line.originPosition()).text(line.budgetId())
                .text(line.periodKey()).day(line.localDay()).number(line.records()).number(line.costUsdMicros()));
        origins.clear();
        spendLines.clear();
        outcomeLines.clear();
        budgetLines.clear();
    }

    private static void bindSpend(Sql.Parameters row, SpendLine line) throws SQLException {
        SpendAmounts amounts = line.amounts();
        row.number(line.position()).number(line.originPosition()).text(line.lineKind()).instant(line.occurredAt())
                .day(line.day()).text(line.attribution().team()).text(line.attribution().costCenter())
                .text(line.attribution().personRef()).text(line.model()).text(line.provider())
                .text(line.purpose()).text(line.source()).text(line.recordId())
                .text(line.rateCard() == null ? null : line.rateCard().rateCardId())
                .nullableNumber(line.rateCard() == null ? null : line.rateCard().version())
                .number(amounts.records()).number(amounts.inputTokens()).number(amounts.outputTokens())
                .number(amounts.cacheReadTokens()).number(amounts.cacheWrite5mTokens())
                .number(amounts.cacheWrite1hTokens()).number(amounts.reasoningTokens())
                .number(amounts.costUsdMicros()).number(amounts.unpricedRecords()).number(amounts.reportedRecords())
                .number(amounts.reportedCostUsdMicros()).number(amounts.reportedOurCostUsdMicros());
    }

    /**
     * The spend recorded at {@code originPosition} as it counts now: its SPEND line's dimensions at its current
     * attribution, with the sum of every line written for it so far. Null when the ledger position holds no spend
     * this read model counted. Call after {@link #flush}.
     */
    @Nullable
    static SpendLine currentSpend(Connection connection, long originPosition) {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT first.occurred_at, origin.person_ref, origin.team, origin.cost_center, first.model,
                    first.provider, first.purpose, first.source, first.record_id, first.rate_card_id,
                    first.rate_card_version, SUM(l.records), SUM(l.input_tokens), SUM(l.output_tokens),
                    SUM(l.cache_read_tokens), SUM(l.cache_write5m_tokens), SUM(l.cache_write1h_tokens),
                    SUM(l.reasoning_tokens), SUM(l.cost_usd_micros), SUM(l.unpriced_records),
                    SUM(l.reported_records), SUM(l.reported_cost_usd_micros), SUM(l.reported_our_cost_usd_micros)
                FROM spend_line first
                JOIN attribution_origin origin ON origin.origin_position = first.origin_position
                JOIN spend_line l ON l.origin_position = first.origin_position AND l.line_kind <> 'EVIDENCE'
                WHERE first.origin_position = ? AND first.line_kind = 'SPEND'
                GROUP BY first.occurred_at, origin.person_ref, origin.team, origin.cost_center, first.model,
                    first.provider, first.purpose, first.source, first.record_id, first.rate_card_id,
                    first.rate_card_version""")) {
            select.setLong(1, originPosition);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String cardId = row.getString(10);
                return new SpendLine(originPosition, originPosition, SpendLine.SPEND,
                        row.getTimestamp(1).toInstant(),
                        new Attribution(row.getString(2), row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        cardId == null ? null : new dev.aispend.contracts.ledger.RateCardRef(cardId, row.getLong(11)),
                        new SpendAmounts(row.getLong(12), row.getLong(13), row.getLong(14), row.getLong(15),
                                row.getLong(16), row.getLong(17), row.getLong(18), row.getLong(19),
                                row.getLong(20), row.getLong(21), row.getLong(22), row.getLong(23)));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the spend at position " + originPosition, failure);
        }
    }

    /** The outcome recorded at {@code originPosition} as it counts now (summed over its lines); null if none. */
    @Nullable
    static OutcomeLine currentOutcome(Connection connection, long originPosition) {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT first.occurred_at, origin.person_ref, origin.team, origin.cost_center, first.kind,
                    first.source, first.ai_assistance, SUM(l.outcomes), SUM(l.additions), SUM(l.deletions)
                FROM outcome_line first
                JOIN attribution_origin origin ON origin.origin_position = first.origin_position
                JOIN outcome_line l ON l.origin_position = first.origin_position
                WHERE first.origin_position = ? AND first.line_kind = 'OUTCOME'
                GROUP BY first.occurred_at, origin.person_ref, origin.team, origin.cost_center, first.kind,
                    first.source, first.ai_assistance""")) {
            select.setLong(1, originPosition);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new OutcomeLine(originPosition, originPosition, OutcomeLine.OUTCOME,
                        row.getTimestamp(1).toInstant(),
                        new Attribution(row.getString(2), row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6), row.getString(7), row.getLong(8), row.getLong(9), row.getLong(10));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the outcome at position " + originPosition, failure);
        }
    }
}
