package dev.aispend.policy.check;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aispend.platform.ledger.LedgerTransactions;
import dev.aispend.testsupport.ledger.ProjectionDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/** Connection pools of their own on a test database, standing for another policy-service instance. */
final class TestPools {
    private TestPools() {
    }

    static HikariDataSource pool(ProjectionDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    /** What an instance's JdbcLedgerTransactions does, over a pool of its own. */
    static LedgerTransactions transactionsOf(HikariDataSource pool) {
        return new LedgerTransactions() {
            @Override
            public <T> T inTransaction(Function<Connection, T> work) {
                try (Connection connection = pool.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        T result = work.apply(connection);
                        connection.commit();
                        return result;
                    } catch (RuntimeException failure) {
                        connection.rollback();
                        throw failure;
                    }
                } catch (SQLException failure) {
                    throw new IllegalStateException("transaction failed", failure);
                }
            }
        };
    }
}
