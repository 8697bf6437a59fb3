package dev.aispend.ingest.directory.cache;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The test's own connection to the service's database: what PostgreSQL itself says, and a listener cut off. */
@Singleton
final class DirectoryConnection {
    private static final String EPOCH_MICROS = """
            SELECT (extract(epoch FROM given.text::timestamptz) * 1000000)::bigint
              FROM unnest(?::text[]) WITH ORDINALITY AS given(text, position) ORDER BY given.position""";
    private static final String TERMINATE_LISTENERS = """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = ? AND datname = current_database()""";

    private final String url;

    DirectoryConnection(@Property(name = "datasources.default.url") String url) {
        this.url = url;
    }

    /** Each instant as PostgreSQL reads its text ({@link Instant#toString()}): microseconds since the epoch. */
    List<Long> epochMicros(List<Instant> instants) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                EPOCH_MICROS)) {
            statement.setArray(1, connection.createArrayOf("text", instants.stream().map(Instant::toString)
                    .toArray(String[]::new)));
            List<Long> micros = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    micros.add(result.getLong(1));
                }
            }
            return micros;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Ends the session of every directory listener on this database, as a database restart would; how many. */
    int terminateListeners() {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                TERMINATE_LISTENERS)) {
            statement.setString(1, DirectoryChangeListener.APPLICATION_NAME);
            int terminated = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    terminated += result.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private Connection connect() throws SQLException {
        TestPostgres postgres = TestInfrastructure.postgres();
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }
}
