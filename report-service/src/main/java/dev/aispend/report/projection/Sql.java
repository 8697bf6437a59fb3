package dev.aispend.report.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The projection's JDBC plumbing: batched inserts and parameters, SQL failures as unchecked ones. */
final class Sql {
    private Sql() {
    }

    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(Parameters parameters, T row) throws SQLException;
    }

    /** Positional parameters of a statement, with nulls and java.time values handled one way everywhere. */
    static final class Parameters {
        private final PreparedStatement statement;
        private int index;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        Parameters text(String value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.VARCHAR);
            } else {
                statement.setString(++index, value);
            }
            return this;
        }

        Parameters number(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        Parameters nullableNumber(Long value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.BIGINT);
            } else {
                statement.setLong(++index, value);
            }
            return this;
        }

        Parameters instant(Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setTimestamp(++index, Timestamp.from(value));
            }
            return this;
        }

        /** A java.time date as a SQL date, without a time zone's help (any year, 0001-01-01 included). */
        Parameters day(LocalDate value) throws SQLException {
            statement.setObject(++index, value);
            return this;
        }

        /** JSON text for a JSONB column. */
        Parameters json(String value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.OTHER);
            } else {
                statement.setObject(++index, value, Types.OTHER);
            }
            return this;
        }
    }

    static <T> void insertAll(Connection connection, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(new Parameters(statement), row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not write " + rows.size() + " rows: " + firstLine(sql), failure);
        }
    }

    static int update(Connection connection, String sql, long... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setLong(index + 1, parameters[index]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run: " + firstLine(sql), failure);
        }
    }

    static String firstLine(String sql) {
        int end = sql.indexOf('\n');
        return end < 0 ? sql : sql.substring(0, end);
    }
}
