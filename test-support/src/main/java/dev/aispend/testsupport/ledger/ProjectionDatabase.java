package dev.aispend.testsupport.ledger;

import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own database of a service that follows ledger.v1, read and written directly (not through the service):
 * its projections' checkpoints, its read-model rows, and its migrations run to a chosen version.
 */
public final class ProjectionDatabase {
    /** Generous: the first delivery after start-up waits for the consumer group to be joined. */
    public static final Duration WITHIN = Duration.ofSeconds(60);

    private final TestPostgres postgres;
    private final String jdbcUrl;

    private ProjectionDatabase(TestPostgres postgres, String jdbcUrl) {
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    /** An empty database on the tests' PostgreSQL server, named after {@code purpose}. */
    public static ProjectionDatabase create(String purpose) {
        TestPostgres postgres = TestInfrastructure.postgres();
        return new ProjectionDatabase(postgres, postgres.createDatabase(purpose));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return postgres.user();
    }

    public String password() {
        return postgres.password();
    }

    /** Runs the service's migrations (on the test classpath) up to {@code target}: a version, or "latest". */
    public void migrateTo(String target) {
        Flyway.configure().dataSource(jdbcUrl, user(), password()).locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    /** The ledger position {@code projection} has applied through; 0 before its first delivery. */
    public long checkpoint(String projection) {
        List<List<Object>> rows = query("SELECT applied_position FROM ledger_checkpoint WHERE projection = ?",
                projection);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    public void awaitCheckpoint(String projection, long position) {
        Wait.until(projection + " applied through position " + position, WITHIN,
                () -> checkpoint(projection) >= position);
    }

    /** Every row of the result, each as its column values in select order. */
    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /** The single number a query such as {@code SELECT max(id) ...} answers. */
    public long number(String sql) {
        return ((Number) query(sql).get(0).get(0)).longValue();
    }

    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("statement failed", failure);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
    }
}
