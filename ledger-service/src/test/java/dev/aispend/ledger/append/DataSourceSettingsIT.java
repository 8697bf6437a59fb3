package dev.aispend.ledger.append;

import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.core.BaseConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver settings of application.yml reach the PostgreSQL driver: a YAML boolean in
 * {@code data-source-properties} is a Boolean in the driver's Properties, which the driver reads as unset (it
 * reads strings only), so the intake's JDBC batches went out one INSERT per row until the value was quoted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSourceSettingsIT implements TestPropertyProvider {
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        return LedgerTestProperties.of(postgres, postgres.createDatabase("ledger_datasource"),
                "datasource-it.", "datasource-it");
    }

    @Test
    void sends_jdbc_batches_as_multi_row_inserts() throws Exception {
        // The pool itself, not the context's transaction-bound proxy of it.
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }
}
