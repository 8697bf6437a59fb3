package dev.aispend.report.spend;

import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The test's own report database, read directly: checkpoints, and daily_spend rows without their ids. */
final class ReportDatabase {
    static final Duration WITHIN = Duration.ofSeconds(60);

    private final TestPostgres postgres;
    private final String jdbcUrl;

    private ReportDatabase(TestPostgres postgres, String jdbcUrl) {
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    static ReportDatabase create() {
        TestPostgres postgres = TestInfrastructure.postgres();
        return new ReportDatabase(postgres, postgres.createDatabase("report"));
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return postgres.user();
    }

    String password() {
        return postgres.password();
    }

    long checkpoint(String projection) {
        List<List<Object>> rows = query("SELECT applied_position FROM ledger_checkpoint WHERE projection = ?",
                projection);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    void awaitCheckpoint(String projection, long position) {
        Wait.until(projection + " applied through position " + position, WITHIN,
                () -> checkpoint(projection) >= position);
    }

    /** Every column but the generated id, in key order: what a rebuild must reproduce exactly. */
    List<List<Object>> dailySpendRows() {
        return query("""
                SELECT day, team, model, records, input_tokens, output_tokens, cache_read_tokens,
                    cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, cost_usd_micros, unpriced_records,
                    last_ledger_position
                FROM daily_spend ORDER BY day, team, model""");
    }

    long highestDailySpendId() {
        return ((Number) query("SELECT max(id) FROM daily_spend").get(0).get(0)).longValue();
    }

    long lowestDailySpendId() {
        return ((Number) query("SELECT min(id) FROM daily_spend").get(0).get(0)).longValue();
    }

    List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("query failed: " + sql, failure);
        }
    }
}
