package dev.aispend.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server the tests may create databases on. Each test class asks for a database of its own, so
 * tests never see each other's rows even though the server is shared by the whole test JVM.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES_CREATED = new AtomicInteger();

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
}
