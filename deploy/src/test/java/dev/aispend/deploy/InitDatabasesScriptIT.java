package dev.aispend.deploy;

import dev.aispend.devstack.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * k8s/overlays/local/infrastructure/init-databases.sh, which Compose's and the local overlay's PostgreSQL run on an
 * empty volume, run with psql against a PostgreSQL 17 of its own (the roles it makes must not exist yet): each
 * service gets a database it owns and can build in, and no other service's.
 */
class InitDatabasesScriptIT {
    private static final Path SCRIPT = Deployment.deployDirectory()
            .resolve("k8s/overlays/local/infrastructure/init-databases.sh");
    @TempDir
    static Path work;
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void runTheScriptOnAnEmptyServer() {
        server = EmbeddedPostgresServer.start(work.resolve("data"), 0, true);
        DevelopmentSecrets.generate(work.resolve("secrets"));

        Command result = Command.run(work, List.of("env", "PGHOST=localhost", "PGPORT=" + server.port(),
                "POSTGRES_USER=" + EmbeddedPostgresServer.USER, "DB_PASSWORDS_DIR=" + work.resolve("secrets"),
                "bash", SCRIPT.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void gives_each_service_a_database_it_owns_and_can_create_schemas_and_tables_in() throws Exception {
        for (String service : List.of("ingest", "ledger", "policy", "report")) {
            try (Connection connection = connect(service, service); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA generation_1");
                statement.execute("CREATE TABLE generation_1.probe (id bigint)");
                statement.execute("CREATE TABLE public.probe (id bigint)");
            }
        }
    }

    @Test
    void keeps_each_service_out_of_the_other_services_databases() {
        assertThatThrownBy(() -> connect("report", "ledger").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> connect("ingest", "policy").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    private static Connection connect(String role, String database) throws Exception {
        String password = Files.readString(work.resolve("secrets/" + role + "-db-password"));
        return DriverManager.getConnection(server.jdbcUrl(database), role, password);
    }
}
