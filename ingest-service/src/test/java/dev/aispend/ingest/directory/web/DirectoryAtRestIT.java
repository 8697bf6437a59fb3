package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.directory.DirectoryLinks;
import dev.aispend.ingest.directory.DirectoryRow;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory at rest: a database written before the directory was encrypted (schema version 3, plaintext
 * emails) is upgraded when the service starts, and afterwards no table of ingest's database holds an alias or a
 * person key in plaintext, while every read and write still behaves as before.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAtRestIT implements TestPropertyProvider {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TOPIC_PREFIX = "directory-at-rest-it.";

    @Inject
    DirectoryHttp directory;
    private String jdbcUrl;

    /** A database as the previous version left it: migrated to version 3 and holding plaintext rows. */
    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        jdbcUrl = postgres.createDatabase("directoryatrest");
        Flyway.configure().dataSource(jdbcUrl, postgres.user(), postgres.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        insertPlaintext(new PersonEntry("Quinn@Example.com", "platform", "cc-1", JOINED,
                Map.of(AliasKind.EMAIL, List.of("quinn@example.com"), AliasKind.GITHUB_LOGIN, List.of("quinn-gh"))));
        return IngestTestProperties.of(TOPIC_PREFIX, Map.of("datasources.default.url", jdbcUrl));
    }

    @Test
    void reads_rows_written_before_the_upgrade_and_recognises_them_when_written_again() {
        assertThat(body(directory.get("/v1/directory/aliases?kind=email&value=quinn@example.com")))
                .contains("\"person\":\"quinn@example.com\"", "\"team\":\"platform\"", "\"costCenter\":\"cc-1\"");
        assertThat(body(directory.get("/v1/directory/people/quinn@example.com"))).contains("\"value\":\"quinn-gh\"");

        HttpResponse<String> again = directory.postPerson("""
                {"person": "quinn@example.com", "team": "platform", "costCenter": "cc-1",
                 "validFrom": "2026-01-01T00:00:00Z", "aliases": {"email": "quinn@example.com",
                 "githubLogin": "quinn-gh"}}""");
        assertThat(body(again)).contains("\"recorded\":0,\"unchanged\":3");
    }

    @Test
    void keeps_no_alias_or_person_key_in_plaintext_in_any_table() throws SQLException {
        assertThat(directory.postPerson("""
                {"person": "rosa@example.com", "team": "research", "aliases": {"email": "Rosa.M@Example.com",
                 "githubLogin": "rosa-gh", "apiKeyId": "apikey_ROSA"}}""").code()).isEqualTo(201);

        Values stored = everyValue();
        // Text columns: no address at all; byte columns (ciphertext, random bytes) none of the values written.
        assertThat(stored.text()).isNotEmpty().noneMatch(value -> value.contains("@") || value.contains("quinn")
                || value.contains("rosa") || value.contains("apikey_rosa"));
        assertThat(stored.bytes()).isNotEmpty().noneMatch(value -> value.contains("example.com")
                || value.contains("quinn") || value.contains("rosa") || value.contains("apikey_rosa"));
        assertThat(stored.text()).anyMatch(value -> value.startsWith("prs_"))
                .anyMatch(value -> value.startsWith("als_"));
    }

    /** Every value of every table of ingest's own schema, lower-cased; byte columns read as Latin-1 text. */
    private Values everyValue() throws SQLException {
        Values values = new Values(new ArrayList<>(), new ArrayList<>());
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'public'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement read = connection.createStatement();
                     ResultSet rows = read.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (rows.next()) {
                        values.add(rows);
                    }
                }
            }
        }
        return values;
    }

    private record Values(List<String> text, List<String> bytes) {
        void add(ResultSet row) throws SQLException {
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                boolean binary = row.getMetaData().getColumnTypeName(column).equals("bytea");
                String value = binary ? latin1(row.getBytes(column)) : row.getString(column);
                if (value != null) {
                    (binary ? bytes : text).add(value.toLowerCase(Locale.ROOT));
                }
            }
        }

        private static String latin1(byte[] bytes) {
            return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private void insertPlaintext(PersonEntry entry) {
        DirectoryLinks links = new DirectoryLinks(new Pseudonymizer(IngestTestProperties.PSEUDONYM_KEY));
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO directory_entry (alias_kind, alias_value, valid_from, person_id, team, cost_center, "
                        + "link_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (DirectoryRow row : links.rows(entry, entry.validFrom())) {
                insert.setString(1, row.kind().wireName());
                insert.setString(2, row.value());
                insert.setTimestamp(3, Timestamp.from(row.validFrom()));
                insert.setString(4, row.personId());
                insert.setString(5, row.team());
                insert.setString(6, row.costCenter());
                insert.setString(7, row.linkId());
                insert.executeUpdate();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private Connection connect() throws SQLException {
        TestPostgres postgres = TestInfrastructure.postgres();
        return DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
    }
}
