package dev.aispend.policy.check;

import java.sql.SQLException;

/**
 * A database failure of the reservation store. {@link #retryable()} when PostgreSQL aborted the transaction to
 * resolve a deadlock or a serialization conflict: nothing was committed, and running it again is the answer.
 */
public final class ReservationStoreException extends RuntimeException {
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    ReservationStoreException(String message, SQLException cause) {
        super(message, cause);
    }

    /** Whether {@code failure}, or a cause of it, is a deadlock or serialization failure. */
    static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (DEADLOCK_DETECTED.equals(sql.getSQLState())
                    || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public boolean retryable() {
        return retryable(this);
    }
}
