package dev.aispend.policy.spend;

import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The test's own policy database, read directly: checkpoints and team_spend rows. */
final class PolicyDatabase {
    static final Duration WITHIN = Duration.ofSeconds(60);

    private final TestPostgres postgres;
    private final String jdbcUrl;

    private PolicyDatabase(TestPostgres postgres, String jdbcUrl) {
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    static PolicyDatabase create() {
        TestPostgres postgres = TestInfrastructure.postgres();
        return new PolicyDatabase(postgres, postgres.createDatabase("policy"));
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

    List<List<Object>> teamSpendRows() {
        return query("SELECT * FROM team_spend ORDER BY team");
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

    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("statement failed", failure);
        }
    }
}
