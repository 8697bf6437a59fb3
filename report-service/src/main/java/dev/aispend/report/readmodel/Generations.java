package dev.aispend.report.readmodel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which read-model generation serves (table {@code report_generation}; docs/reports.md). At start-up the service
 * makes sure one generation is ACTIVE (generation 1 on a fresh database, filled from ledger position 1) and that
 * its schema has every read-model migration. Writers and readers look the active generation up in their own
 * transaction, so a switch after a rebuild is seen by the next transaction of each, never halfway through one.
 */
@Singleton
public class Generations {
    /** Taken shared by every live write, exclusively by the switch: a write never straddles a switch. */
    static final long SWITCH_LOCK_KEY = 0x7265706f7274L;

    private final DataSource dataSource;
    private final TransactionOperations<Connection> transactions;

    public Generations(DataSource dataSource, TransactionOperations<Connection> transactions) {
        // Flyway needs a connection of its own, not the transaction-bound proxy that repositories share.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
    }

    @PostConstruct
    void ensureActive() {
        int active = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            execute(connection, "LOCK TABLE report_generation IN EXCLUSIVE MODE");
            Integer current = activeOrNull(connection);
            if (current != null) {
                return current;
            }
            int first = nextNumber(connection);
            execute(connection, "INSERT INTO report_generation (generation, state, created_at, activated_at) "
                    + "VALUES (" + first + ", 'ACTIVE', now(), now())");
            return first;
        });
        ReadModelSchema.migrate(dataSource, active);
    }

    /** The serving generation, read in the caller's transaction. */
    public int active(Connection connection) {
        Integer active = activeOrNull(connection);
        if (active == null) {
            throw new IllegalStateException("no read-model generation is ACTIVE");
        }
        return active;
    }

    /** Held by every live write until its transaction ends: a switch waits for writes under way. */
    static void lockSharedAgainstSwitch(Connection connection) {
        execute(connection, "SELECT pg_advisory_xact_lock_shared(" + SWITCH_LOCK_KEY + ")");
    }

    /** Held by the switch until its transaction ends: no live write runs meanwhile, the next one sees the switch. */
    public static void lockForSwitch(Connection connection) {
        execute(connection, "SELECT pg_advisory_xact_lock(" + SWITCH_LOCK_KEY + ")");
    }

    /** Points the caller's transaction at a generation's tables (and the shared ones after them). */
    public static void useSchema(Connection connection, int generation) {
        execute(connection, "SET LOCAL search_path TO " + ReadModelSchema.nameOf(generation) + ", public");
    }

    /** The next generation number (one more than any so far). */
    public static int nextNumber(Connection connection) {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT COALESCE(MAX(generation), 0) + 1 FROM report_generation")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not number a new generation", failure);
        }
    }

    @Nullable
    private static Integer activeOrNull(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT generation FROM report_generation WHERE state = 'ACTIVE'");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : null;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the active generation", failure);
        }
    }

    static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run: " + sql, failure);
        }
    }
}
