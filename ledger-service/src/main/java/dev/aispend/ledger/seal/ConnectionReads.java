package dev.aispend.ledger.seal;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs JDBC reads in one read-only transaction, turning SQLException into an exception naming what failed. */
final class ConnectionReads {
    private ConnectionReads() {
    }

    interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    static <T> T read(TransactionOperations<Connection> transactions, String what, ConnectionWork<T> work) {
        return transactions.executeRead(status -> {
            try {
                return work.apply(status.getConnection());
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read " + what, failure);
            }
        });
    }
}
