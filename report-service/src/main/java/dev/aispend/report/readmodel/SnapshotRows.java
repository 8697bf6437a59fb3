package dev.aispend.report.readmodel;

import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a report snapshot: one query (fixed SQL text, values bound) with every row mapped, and the column
 * readers the reads share. TIMESTAMPTZ goes to and from java.time, never through java.sql.Timestamp (whose Julian
 * calendar moves early dates: 0001-01-01 would come back as 0000-12-30).
 */
public final class SnapshotRows {
    private SnapshotRows() {
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Every row of {@code sql} with {@code parameters} bound in order (Instants as UTC timestamps with zone). */
    public static <T> List<T> query(ReportSnapshot snapshot, String sql, Mapper<T> mapper, Object... parameters) {
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                if (parameters[index] instanceof Instant instant) {
                    bind(select, index + 1, instant);
                } else {
                    select.setObject(index + 1, parameters[index]);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the report's decisions", failure);
        }
    }

    /** Binds an instant as a UTC timestamp with zone. */
    public static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Nullable
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A recorded text that may be absent: SQL NULL, JSON null (read as NULL by ->>) or blank are null. */
    @Nullable
    public static String text(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** A BIGINT that may be NULL. */
    @Nullable
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
