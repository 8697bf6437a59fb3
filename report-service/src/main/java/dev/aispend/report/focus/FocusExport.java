package dev.aispend.report.focus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * The spend of a period as a FinOps FOCUS 1.2 CSV (docs/focus.md): every spend line of the days asked for, up to a
 * ledger position, summed per UTC day, team, cost center, provider, model, purpose and rate card version (usage
 * apart from re-pricings), then written one row per token type. Streams: the groups are read through a cursor and
 * each row is written as it is made, so an export of any size holds only one group and the rate cards in memory.
 * Rows come in a stable order (the group key, byte-wise, then token type), so the same ledger prefix always gives
 * the same bytes.
 */
@Singleton
public class FocusExport {
    /** Groups fetched per round trip when the connection is in a transaction (PostgreSQL streams only then). */
    static final int DEFAULT_FETCH_SIZE = 1000;

    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectWriter ROWS = CSV.writerFor(Map.class).with(FocusColumns.schema());

    private static final String TOKEN_SUMS = "sum(input_tokens)::bigint, sum(output_tokens)::bigint,"
            + " sum(cache_read_tokens)::bigint, sum(cache_write5m_tokens)::bigint, sum(cache_write1h_tokens)::bigint,"
            + " sum(reasoning_tokens)::bigint";
    private static final String KEY = "day, team, cost_center, provider, model, purpose, rate_card_id,"
            + " rate_card_version, repricing, recorded_month";
    /**
     * EVIDENCE lines are what other sources said about spend already counted: never spend. A re-pricing's
     * recorded month is the UTC month of the ledger clock at its position: the running maximum of recordedAt over
     * the entries up to it (ledger_clock), so it depends on the ledger prefix alone.
     */
    private static final String GROUPS = "SELECT " + KEY + ", " + TOKEN_SUMS + ", sum(cost_usd_micros)::bigint"
            + " FROM (SELECT line.day, line.team, line.cost_center, line.provider, line.model, line.purpose,"
            + " line.rate_card_id, line.rate_card_version, line.line_kind = 'REPRICE' AS repricing,"
            + " CASE WHEN line.line_kind = 'REPRICE' THEN (SELECT date_trunc('month', clock.recorded_max"
            + " AT TIME ZONE 'UTC')::date FROM ledger_clock clock WHERE clock.first_position <= line.position"
            + " ORDER BY clock.first_position DESC LIMIT 1) END AS recorded_month,"
            + " line.input_tokens, line.output_tokens, line.cache_read_tokens, line.cache_write5m_tokens,"
            + " line.cache_write1h_tokens, line.reasoning_tokens, line.cost_usd_micros"
            + " FROM spend_line line"
            + " WHERE line.day BETWEEN ? AND ? AND line.position <= ? AND line.line_kind <> 'EVIDENCE') lines"
            + " GROUP BY " + KEY
            + " ORDER BY day, team COLLATE \"C\", cost_center COLLATE \"C\" NULLS FIRST,"
            + " provider COLLATE \"C\" NULLS FIRST, model COLLATE \"C\", purpose COLLATE \"C\" NULLS FIRST,"
            + " rate_card_id COLLATE \"C\" NULLS FIRST, rate_card_version NULLS FIRST, repricing,"
            + " recorded_month NULLS FIRST";

    private final FocusAccount account;
    private final int fetchSize;

    @Inject
    public FocusExport(@Value("${report.focus.billing-account-id:ai-spend-ledger}") String billingAccountId,
                       @Value("${report.focus.billing-account-name:AI spend ledger}") String billingAccountName) {
        this(new FocusAccount(billingAccountId, billingAccountName), DEFAULT_FETCH_SIZE);
    }

    FocusExport(FocusAccount account, int fetchSize) {
        this.account = Objects.requireNonNull(account, "account");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    /**
     * Writes the export of the UTC days {@code from}..{@code to} (both included) as of ledger position
     * {@code asOfPosition} to {@code out}, header first, and flushes it; {@code out} stays open. {@code connection}
     * is in a read-only transaction whose search_path is the live read-model schema. Throws
     * {@link DataAccessException} when the database fails and {@link UncheckedIOException} when {@code out} does.
     */
    public void write(Connection connection, LocalDate from, LocalDate to, long asOfPosition, Writer out) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(out, "out");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (asOfPosition < 0) {
            throw new IllegalArgumentException("asOfPosition must not be negative, was " + asOfPosition);
        }
        FocusRows rows = new FocusRows(account, asOfPosition);
        RateCardPrices prices = new RateCardPrices(connection, asOfPosition);
        try (SequenceWriter csv = ROWS.writeValues(out);
             PreparedStatement query = connection.prepareStatement(GROUPS)) {
            query.setFetchSize(fetchSize);
            query.setObject(1, from);
            query.setObject(2, to);
            query.setLong(3, asOfPosition);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    SpendGroup group = group(result);
                    for (Map<String, Object> row : rows.of(group, prices.of(group))) {
                        csv.write(FocusColumns.asWritten(row));
                    }
                }
            }
        } catch (SQLException failure) {
            throw new DataAccessException("FOCUS export of " + from + ".." + to + " as of position "
                    + asOfPosition + " failed: " + failure.getMessage(), failure);
        } catch (IOException failure) {
            throw new UncheckedIOException("FOCUS export could not be written", failure);
        }
    }

    private static SpendGroup group(ResultSet result) throws SQLException {
        long rateCardVersion = result.getLong(8);
        Long version = result.wasNull() ? null : rateCardVersion;
        LocalDate recorded = result.getObject(10, LocalDate.class);
        long[] tokens = new long[TokenType.values().length];
        for (int index = 0; index < tokens.length; index++) {
            tokens[index] = result.getLong(11 + index);
        }
        return new SpendGroup(result.getObject(1, LocalDate.class), result.getString(2), result.getString(3),
                result.getString(4), result.getString(5), result.getString(6), result.getString(7), version,
                result.getBoolean(9), recorded == null ? null : YearMonth.from(recorded), tokens,
                result.getLong(11 + tokens.length));
    }
}
