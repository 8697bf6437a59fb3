package dev.aispend.report.readmodel;

import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Function;

/**
 * The live follower's transactions: each takes the switch lock shared, looks up the ACTIVE generation and points
 * its search_path there, so the projection and its checkpoint ({@code ledger_checkpoint} of that generation) are
 * written together in the generation that serves. A rebuild writes into its own generation through
 * {@link #inGeneration}.
 */
@Singleton
@Replaces(LedgerTransactions.class)
public class GenerationTransactions implements LedgerTransactions {
    private final TransactionOperations<Connection> transactions;
    private final Generations generations;

    public GenerationTransactions(TransactionOperations<Connection> transactions, Generations generations) {
        this.transactions = transactions;
        this.generations = generations;
    }

    @Override
    public <T> T inTransaction(Function<Connection, T> work) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Generations.lockSharedAgainstSwitch(connection);
            Generations.useSchema(connection, generations.active(connection));
            return work.apply(connection);
        });
    }

    /** Work in one transaction on a given generation's tables (a rebuild's, which does not serve yet). */
    public LedgerTransactions inGeneration(int generation) {
        return new LedgerTransactions() {
            @Override
            public <T> T inTransaction(Function<Connection, T> work) {
                return transactions.executeWrite(status -> {
                    Generations.useSchema(status.getConnection(), generation);
                    return work.apply(status.getConnection());
                });
            }
        };
    }
}
