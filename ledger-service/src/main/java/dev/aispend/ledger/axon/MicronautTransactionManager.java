package dev.aispend.ledger.axon;

import io.micronaut.transaction.SynchronousTransactionManager;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionStatus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.sql.Connection;

/**
 * Axon's transactions are Micronaut's: a unit of work joins the current Micronaut transaction or starts one, so
 * event appends, projection writes and token updates share one JDBC connection and commit together.
 * Commit and rollback are always passed on, even for a joined transaction: Micronaut tracks nesting itself and
 * only the outermost status really commits.
 */
public final class MicronautTransactionManager implements TransactionManager {
    private final SynchronousTransactionManager<Connection> transactions;

    public MicronautTransactionManager(SynchronousTransactionManager<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus<Connection> status = transactions.getTransaction(TransactionDefinition.DEFAULT);
        return new Transaction() {
            @Override
            public void commit() {
                transactions.commit(status);
            }

            @Override
            public void rollback() {
                transactions.rollback(status);
            }
        };
    }
}
