package dev.aispend.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL on a test ledger's database, as an operator (or an attacker) with database access would run it. */
public record TestLedgerDatabase(String jdbcUrl, String user, String password) {

    public long count(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Runs statements with every trigger off (session_replication_role = replica, which needs a superuser): what
     * someone with full database access could do to bypass the append-only and sealing triggers.
     */
    public void tamper(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
