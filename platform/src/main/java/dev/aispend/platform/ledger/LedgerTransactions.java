package dev.aispend.platform.ledger;

import java.sql.Connection;
import java.util.function.Function;

/**
 * Runs work in one database transaction of the service's data source: the projection's writes and its checkpoint
 * must commit together, on the connection the service's repositories also use. {@link JdbcLedgerTransactions}
 * provides it in every service that has a DataSource; an interface so the follower's tests can do without one.
 */
@FunctionalInterface
public interface LedgerTransactions {
    <T> T inTransaction(Function<Connection, T> work);
}
