package dev.aispend.platform.ledger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.function.Function;

/**
 * Projections write in transactions of the service's data source, on the connection its Micronaut Data
 * repositories join. Only where there is a DataSource: ingest-service has none, and must still start.
 */
@Singleton
@Requires(beans = DataSource.class)
final class JdbcLedgerTransactions implements LedgerTransactions {
    private final TransactionOperations<Connection> transactions;

    JdbcLedgerTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        return transactions.executeWrite(status -> work.apply(status.getConnection()));
    }
}
