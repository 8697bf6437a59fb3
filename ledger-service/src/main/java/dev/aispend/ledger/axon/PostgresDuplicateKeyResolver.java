package dev.aispend.ledger.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that PostgreSQL's unique violation (SQLSTATE 23505) is a duplicate key, so a second append for an
 * aggregate sequence surfaces as Axon's ConcurrencyException instead of a bare storage error.
 */
public final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
