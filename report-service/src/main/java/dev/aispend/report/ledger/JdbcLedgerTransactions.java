package dev.aispend.report.ledger;

import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Function;

/** The platform's projections write in transactions of this service's data source, with its repositories. */
@Singleton
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
