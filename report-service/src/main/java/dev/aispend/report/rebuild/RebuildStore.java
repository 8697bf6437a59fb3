package dev.aispend.report.rebuild;

import dev.aispend.platform.ledger.LedgerCheckpoint;
import dev.aispend.report.projection.ReportProjection;
import dev.aispend.report.readmodel.Generations;
import dev.aispend.report.readmodel.ReadModelSchema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rebuilds' rows in report_generation, and the switch from the serving generation to a rebuilt one. */
@Singleton
class RebuildStore {
    private final TransactionOperations<Connection> transactions;
    private final Generations generations;

    RebuildStore(TransactionOperations<Connection> transactions, Generations generations) {
        this.transactions = transactions;
        this.generations = generations;
    }

    /** One generation as a rebuild sees it. */
    record Row(int generation, String state, Instant startedAt, @Nullable Instant activatedAt,
               @Nullable String replayId, @Nullable String replayTopic, @Nullable Long targetPosition,
               @Nullable String startedBy, @Nullable String failure, @Nullable Long comparedPosition,
               @Nullable Boolean digestsEqual, @Nullable String comparison) {
    }

    /** Thrown when a rebuild is already under way: one at a time. */
    static final class RebuildBusyException extends RuntimeException {
        RebuildBusyException(int generation) {
            super("generation " + generation + " is being rebuilt already; one rebuild at a time");
        }
    }

    /** A new BUILDING generation, with the replay topic it will read. */
    int create(String topicPrefix, String actor) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            execute(connection, "LOCK TABLE report_generation IN EXCLUSIVE MODE");
            for (Row row : all(connection)) {
                if (row.state().equals("BUILDING")) {
                    throw new RebuildBusyException(row.generation());
                }
            }
            int generation = Generations.nextNumber(connection);
            String topic = topicPrefix + generation + "-" + Instant.now().toEpochMilli();
            update(connection, "INSERT INTO report_generation (generation, state, created_at, replay_topic, "
                    + "started_by) VALUES (?, 'BUILDING', now(), ?, ?)", generation, topic, actor);
            return generation;
        });
    }

    void replayRequested(int generation, String replayId, long targetPosition) {
        transactions.executeWrite(status -> update(status.getConnection(), "UPDATE report_generation "
                + "SET replay_id = ?, target_position = ? WHERE generation = ?", replayId, targetPosition,
                generation));
    }

    /** Ends a rebuild under way (FAILED, CANCELLED); false when it was not BUILDING any more (switched, ended). */
    boolean end(int generation, String state, @Nullable String failure) {
        return transactions.executeWrite(status -> update(status.getConnection(), "UPDATE report_generation "
                + "SET state = ?, failure = ?, retired_at = now() WHERE generation = ? AND state = 'BUILDING'",
                state, failure, generation)) == 1;
    }

    void compared(int generation, long position, boolean equal, String comparison) {
        transactions.executeWrite(status -> update(status.getConnection(), "UPDATE report_generation "
                + "SET compared_position = ?, digests_equal = ?, comparison = ? WHERE generation = ?", position,
                equal, comparison, generation));
    }

    /** The position a generation's read models have applied. */
    long applied(int generation) {
        return transactions.executeRead(status -> {
            Generations.useSchema(status.getConnection(), generation);
            return LedgerCheckpoint.read(status.getConnection(), ReportProjection.NAME);
        });
    }

    /**
     * Makes {@code generation} serve if it has applied at least what the serving one has: under the switch lock
     * taken exclusively, so no live write is under way and the next one goes to the new generation, which then
     * skips what it already holds. Returns the retired generation and its last position, or empty with nothing
     * changed when the rebuilt one is still behind (the caller replays the rest and tries again).
     */
    Optional<long[]> switchTo(int generation) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Generations.lockForSwitch(connection);
            // The rebuild's row, locked: a cancel, or another instance's switch, waits or has already happened.
            if (!"BUILDING".equals(lockedState(connection, generation))) {
                return Optional.<long[]>empty();
            }
            int serving = generations.active(connection);
            long servingApplied = checkpoint(connection, serving);
            if (serving == generation || checkpoint(connection, generation) < servingApplied) {
                return Optional.<long[]>empty();
            }
            update(connection, "UPDATE report_generation SET state = 'RETIRED', retired_at = now() "
                    + "WHERE generation = ?", serving);
            update(connection, "UPDATE report_generation SET state = 'ACTIVE', activated_at = now() "
                    + "WHERE generation = ? AND state = 'BUILDING'", generation);
            return Optional.of(new long[]{serving, servingApplied});
        });
    }

    private static String lockedState(Connection connection, int generation) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM report_generation WHERE generation = ? FOR UPDATE")) {
            select.setInt(1, generation);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not lock generation " + generation, failure);
        }
    }

    /** Drops the schemas of retired generations beyond the newest {@code keep} ones. */
    void dropRetiredBeyond(int keep) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<Row> retired = all(connection).stream().filter(row -> row.state().equals("RETIRED")
                    || row.state().equals("FAILED") || row.state().equals("CANCELLED")).toList();
            int kept = 0;
            for (Row row : retired) {
                if (row.state().equals("RETIRED") && kept < keep) {
                    kept++;
                    continue;
                }
                execute(connection, "DROP SCHEMA IF EXISTS " + ReadModelSchema.nameOf(row.generation())
                        + " CASCADE");
            }
            return null;
        });
    }

    List<Row> all() {
        return transactions.executeRead(status -> all(status.getConnection()));
    }

    Optional<Row> find(int generation) {
        return all().stream().filter(row -> row.generation() == generation).findFirst();
    }

    private static List<Row> all(Connection connection) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT generation, state, created_at, "
                + "activated_at, replay_id, replay_topic, target_position, started_by, failure, compared_position, "
                + "digests_equal, comparison FROM report_generation ORDER BY generation DESC");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Timestamp activated = result.getTimestamp(4);
                rows.add(new Row(result.getInt(1), result.getString(2), result.getTimestamp(3).toInstant(),
                        activated == null ? null : activated.toInstant(), result.getString(5), result.getString(6),
                        result.getObject(7, Long.class), result.getString(8), result.getString(9),
                        result.getObject(10, Long.class), result.getObject(11, Boolean.class),
                        result.getString(12)));
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read report_generation", failure);
        }
    }

    private static long checkpoint(Connection connection, int generation) {
        try (PreparedStatement select = connection.prepareStatement("SELECT applied_position FROM "
                + ReadModelSchema.nameOf(generation) + ".ledger_checkpoint WHERE projection = ?")) {
            select.setString(1, ReportProjection.NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the checkpoint of generation " + generation, failure);
        }
    }

    private static void execute(Connection connection, String sql) {
        update(connection, sql);
    }

    private static int update(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            return statement.execute() ? 0 : statement.getUpdateCount();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run: " + sql, failure);
        }
    }
}
