package dev.aispend.ledger.intake;

import java.sql.SQLException;

/**
 * Tells a record the database refuses for its data (SQLSTATE class 22, data exception: a value too long, text
 * JSONB cannot hold, a time out of range; class 23, integrity constraint violation) from a failure of the
 * database itself (connection, timeout), which is retried, never quarantined.
 */
final class DataRefusal {
    private DataRefusal() {
    }

    static boolean isCause(Throwable failure) {
        return sqlStateOf(failure) != null;
    }

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isDataState(sql.getSQLState())) {
                return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static String sqlStateOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isDataState(sql.getSQLState())) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean isDataState(String state) {
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
