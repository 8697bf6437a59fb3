package dev.aispend.ingest.directory;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Tells this instance that the directory changed, once the writing transaction commits ({@link DirectoryChanged}).
 * Every instance, this one included, also hears of each change by PostgreSQL's notification (the table's trigger),
 * but that arrives on another thread a moment later: announcing it here too means an instance's next request after
 * its own write already resolves with it.
 */
@Singleton
public class DirectoryChanges {
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<DirectoryChanged> events;

    DirectoryChanges(TransactionOperations<Connection> transactions,
                     ApplicationEventPublisher<DirectoryChanged> events) {
        this.transactions = transactions;
        this.events = events;
    }

    /** Within the transaction that wrote directory rows: the announcement follows its commit, not a rollback. */
    public void afterCommit() {
        transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("directory rows are written within a transaction"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        events.publishEvent(new DirectoryChanged());
                    }
                });
    }
}
