package dev.aispend.platform.ledger;

import java.sql.Connection;
import java.util.function.Function;

/**
 * Runs work in one database transaction of the service's data source. Each service that has projections
 * provides it (a few lines over Micronaut Data's {@code TransactionOperations<Connection>}), because the
 * platform does not depend on a transaction manager: the projection's writes and its checkpoint must commit
 * together, on the connection the service's repositories also use.
 */
@FunctionalInterface
public interface LedgerTransactions {
    <T> T inTransaction(Function<Connection, T> work);
}
