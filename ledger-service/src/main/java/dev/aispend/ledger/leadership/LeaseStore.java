package dev.aispend.ledger.leadership;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The lease row of {@code ledger_leader} (V4__leader_lease.sql), each operation one short transaction of its own.
 * Every condition is evaluated by the database against its own clock, in one UPDATE, so two instances racing for
 * the lease cannot both win: the row lock orders them and the second one's WHERE no longer holds.
 */
@Singleton
final class LeaseStore {
    private final TransactionOperations<Connection> transactions;

    LeaseStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The lease and its new epoch if it was free (released or expired); empty if another instance holds it. */
    Optional<Long> tryAcquire(String holder, Duration lease) {
        return update("take the ledger's leader lease", "UPDATE ledger_leader SET holder = ?, epoch = epoch + 1, "
                + "acquired_at = clock_timestamp(), "
                + "lease_expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond' "
                + "WHERE id = 1 AND (holder IS NULL OR lease_expires_at < clock_timestamp()) RETURNING epoch",
                holder, lease.toMillis());
    }

    /**
     * Extends the lease of {@code epoch}; false if another instance has taken it since. A lease that lapsed but
     * that nobody took is still this epoch's: no other instance can have appended, so renewing it is safe.
     */
    boolean renew(String holder, long epoch, Duration lease) {
        return update("renew the ledger's leader lease", "UPDATE ledger_leader SET lease_expires_at = "
                + "clock_timestamp() + ? * INTERVAL '1 millisecond' WHERE id = 1 AND holder = ? AND epoch = ? "
                + "RETURNING epoch", lease.toMillis(), holder, epoch).isPresent();
    }

    /** Gives the lease up at a clean stop, so a standby takes over at its next try instead of after the lease. */
    void release(String holder, long epoch) {
        update("release the ledger's leader lease", "UPDATE ledger_leader SET holder = NULL, lease_expires_at = "
                + "'-infinity' WHERE id = 1 AND holder = ? AND epoch = ? RETURNING epoch", holder, epoch);
    }

    /** Who holds the lease now and with which epoch (holder null: nobody), for health and logs. */
    record Holder(String holder, long epoch, boolean expired) {
    }

    Holder current() {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement("SELECT holder, epoch, "
                    + "lease_expires_at < clock_timestamp() FROM ledger_leader WHERE id = 1");
                 ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("ledger_leader has no row; is the migration applied?");
                }
                return new Holder(row.getString(1), row.getLong(2), row.getBoolean(3));
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read the ledger's leader lease", failure);
            }
        });
    }

    /** Runs one UPDATE ... RETURNING epoch with its parameters in order; empty when it changed no row. */
    private Optional<Long> update(String what, String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(sql)) {
                for (int index = 0; index < parameters.length; index++) {
                    update.setObject(index + 1, parameters[index]);
                }
                try (ResultSet row = update.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty();
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not " + what, failure);
            }
        });
    }
}
