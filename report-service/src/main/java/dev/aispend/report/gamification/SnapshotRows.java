package dev.aispend.report.gamification;

import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs one query on a report snapshot (fixed SQL text, values bound) and maps every row. */
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
                Object value = parameters[index];
                select.setObject(index + 1, value instanceof Instant instant
                        ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
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
}
