package dev.aispend.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the tests may create databases on. Each test class asks for a database of its own, so
 * tests never see each other's rows even though the server is shared by the whole test JVM.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES_CREATED = new AtomicInteger();
    /** What a role name or password of a test may be: nothing that needs quoting in SQL. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    private final String description;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    TestPostgres(String description, String host, int port, String user, String password) {
        this.description = description;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public String description() {
        return description;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates an empty database named after {@code purpose} and a per-JVM counter; returns its JDBC URL. */
    public String createDatabase(String purpose) {
        String name = (purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + DATABASES_CREATED.incrementAndGet());
        if (name.length() > 60) {
            name = "t_" + ProcessHandle.current().pid() + "_" + DATABASES_CREATED.incrementAndGet();
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create test database " + name + " on " + description,
                    failure);
        }
        return jdbcUrl(name);
    }

    /**
     * Gives the database at {@code jdbcUrl} (from {@link #createDatabase}) to {@code role}, created with
     * {@code rolePassword} (or given it, if it exists): a service can then run with credentials of the test's own
     * choosing, e.g. distinctive ones to look for in its logs.
     */
    public void giveDatabaseTo(String jdbcUrl, String role, String rolePassword) {
        if (!PLAIN.matcher(role).matches() || !PLAIN.matcher(rolePassword).matches()) {
            throw new IllegalArgumentException("a test role and its password are letters, digits, - and _ only");
        }
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN CREATE ROLE \"" + role + "\" LOGIN; EXCEPTION WHEN duplicate_object "
                    + "THEN NULL; END $$");
            statement.execute("ALTER ROLE \"" + role + "\" PASSWORD '" + rolePassword + "'");
            statement.execute("ALTER DATABASE " + database + " OWNER TO \"" + role + "\"");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not give test database " + database + " to role " + role + " on "
                    + description, failure);
        }
    }
}
