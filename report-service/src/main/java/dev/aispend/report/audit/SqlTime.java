package dev.aispend.report.audit;

import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMPTZ to and from java.time, never through java.sql.Timestamp (whose Julian calendar moves early dates:
 * 0001-01-01 would come back as 0000-12-30).
 */
public final class SqlTime {
    private SqlTime() {
    }

    @Nullable
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
