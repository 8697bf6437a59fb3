package dev.aispend.report.readmodel;

import dev.aispend.platform.ledger.LedgerCheckpoint;
import dev.aispend.platform.web.FieldError;
import dev.aispend.report.projection.ReportProjection;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a report in one read-only REPEATABLE READ transaction on the serving generation, with its {@code asOf}
 * resolved to a ledger position: a position as given (it must have been applied), an instant to the longest prefix
 * of the ledger recorded at or before it (ledger_clock), nothing to everything applied.
 */
@Singleton
public class ReportReads {
    private static final TransactionDefinition SNAPSHOT = snapshot();

    private final TransactionOperations<Connection> transactions;
    private final Generations generations;

    public ReportReads(TransactionOperations<Connection> transactions, Generations generations) {
        this.transactions = transactions;
        this.generations = generations;
    }

    /** Thrown when {@code asOf} names a position the read models have not applied yet. */
    public static final class AsOfNotReachedException extends ReportRefusal {
        public AsOfNotReachedException(long asked, long applied) {
            super(409, "asOf " + asked + " is past the last ledger position the reports have applied (" + applied
                    + "); ask again once they caught up",
                    List.of(new FieldError("asOf", "is past the last applied ledger position")));
        }
    }

    /** Thrown when {@code asOf} is an instant the applied ledger has not yet recorded anything after. */
    public static final class AsOfTimeNotReachedException extends ReportRefusal {
        public AsOfTimeNotReachedException(Instant time) {
            super(409, "asOf " + time + " is not final yet: the reports have applied nothing the ledger recorded "
                    + "after it, so entries recorded by then may still arrive; ask with a ledger position, or later",
                    List.of(new FieldError("asOf", "is not final yet")));
        }
    }

    /** Thrown for a generation that does not exist or whose tables were dropped. */
    public static final class UnknownGenerationException extends ReportRefusal {
        public UnknownGenerationException(int generation) {
            super(404, "generation " + generation + " has no read-model tables (unknown, or dropped after "
                    + "retiring)", List.of(new FieldError("generation", "has no read-model tables")));
        }
    }

    public <T> T read(AsOf asOf, Function<ReportSnapshot, T> report) {
        return transactions.execute(SNAPSHOT, status -> {
            Connection connection = status.getConnection();
            int generation = generations.active(connection);
            Generations.useSchema(connection, generation);
            return report.apply(snapshot(connection, generation, asOf));
        });
    }

    /** A snapshot of a given generation (a rebuild's, to compare its digests with the live ones). */
    public <T> T readGeneration(int generation, AsOf asOf, Function<ReportSnapshot, T> report) {
        return transactions.execute(SNAPSHOT, status -> {
            Connection connection = status.getConnection();
            if (!schemaExists(connection, generation)) {
                throw new UnknownGenerationException(generation);
            }
            Generations.useSchema(connection, generation);
            return report.apply(snapshot(connection, generation, asOf));
        });
    }

    private static boolean schemaExists(Connection connection, int generation) {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM report_generation g "
                + "JOIN pg_namespace n ON n.nspname = ? WHERE g.generation = ?")) {
            select.setString(1, ReadModelSchema.nameOf(generation));
            select.setInt(2, generation);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not look generation " + generation + " up", failure);
        }
    }

    static ReportSnapshot snapshot(Connection connection, int generation, AsOf asOf) {
        long applied = LedgerCheckpoint.read(connection, ReportProjection.NAME);
        long position;
        if (asOf.position() != null) {
            position = asOf.position();
            if (position > applied) {
                throw new AsOfNotReachedException(position, applied);
            }
        } else if (asOf.time() != null) {
            position = recordedBy(connection, asOf.time(), applied);
        } else {
            position = applied;
        }
        return new ReportSnapshot(connection, generation, position, applied);
    }

    /** The last position of the longest applied prefix whose every entry was recorded at or before {@code time}. */
    private static long recordedBy(Connection connection, Instant time, long applied) {
        try (PreparedStatement select = connection.prepareStatement("SELECT first_position FROM ledger_clock "
                + "WHERE recorded_max > ? ORDER BY recorded_max, first_position LIMIT 1")) {
            select.setTimestamp(1, Timestamp.from(time));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getLong(1) - 1 > applied) {
                    // Nothing applied was recorded after the instant: entries recorded by then may still be on
                    // their way, so an answer now could differ from one asked later. Not final: refused.
                    throw new AsOfTimeNotReachedException(time);
                }
                return row.getLong(1) - 1;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not resolve asOf " + time, failure);
        }
    }

    private static TransactionDefinition snapshot() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        return definition;
    }
}
