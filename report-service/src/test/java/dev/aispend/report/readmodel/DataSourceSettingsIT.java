package dev.aispend.report.readmodel;

import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver settings of application.yml reach the PostgreSQL driver: a YAML boolean in
 * {@code data-source-properties} is a Boolean in the driver's Properties, which the driver reads as unset (it
 * reads strings only), so the projection's line inserts would go out one INSERT per row.
 */
@MicronautTest(transactional = false)
class DataSourceSettingsIT extends ReportSystemTest {
    @Inject
    DataSource dataSource;

    @Test
    void sends_jdbc_batches_as_multi_row_inserts() throws Exception {
        // The pool itself, not the context's transaction-bound proxy of it.
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }
}
