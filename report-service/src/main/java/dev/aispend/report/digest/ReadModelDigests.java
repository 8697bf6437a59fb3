package dev.aispend.report.digest;

import dev.aispend.report.projection.ReportProjection;
import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 per read model over its rows as of a position (docs/reports.md, Digests): for each part in order, the
 * line {@code # <table>}, then one line per row, its columns joined by a tab: text as stored (backslash, tab and
 * newline escaped as \\, \t, \n), integers in decimal, instants in ISO-8601 UTC, dates as ISO days, JSON as
 * PostgreSQL's jsonb text, null as \N; every line ends with a newline; UTF-8. Rows are streamed, never held.
 */
@Singleton
public class ReadModelDigests {
    private static final int FETCH_ROWS = 5_000;

    /** One read model's digest and how many rows it covers. */
    @Serdeable
    public record Digest(String readModel, String sha256, long rows) {
    }

    public List<Digest> compute(ReportSnapshot snapshot) {
        List<Digest> digests = new ArrayList<>();
        for (String readModel : ReportProjection.READ_MODELS) {
            MessageDigest sha256 = sha256();
            long rows = 0;
            for (DigestQueries.Part part : DigestQueries.BY_READ_MODEL.get(readModel)) {
                sha256.update(("# " + part.label() + "\n").getBytes(StandardCharsets.UTF_8));
                rows += feed(snapshot, part.sql(), sha256);
            }
            digests.add(new Digest(readModel, HexFormat.of().formatHex(sha256.digest()), rows));
        }
        return digests;
    }

    private static long feed(ReportSnapshot snapshot, String sql, MessageDigest sha256) {
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setFetchSize(FETCH_ROWS);
            int parameters = (int) sql.chars().filter(character -> character == '?').count();
            for (int index = 1; index <= parameters; index++) {
                select.setLong(index, snapshot.asOfPosition());
            }
            long rows = 0;
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                StringBuilder line = new StringBuilder(256);
                while (result.next()) {
                    line.setLength(0);
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        if (column > 1) {
                            line.append('\t');
                        }
                        line.append(cell(result, column, columns.getColumnType(column)));
                    }
                    sha256.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not digest: " + sql, failure);
        }
    }

    private static String cell(ResultSet result, int column, int type) throws SQLException {
        String text;
        if (type == Types.DATE) {
            LocalDate day = result.getObject(column, LocalDate.class);
            text = day == null ? null : day.toString();
        } else if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            Timestamp instant = result.getTimestamp(column);
            text = instant == null ? null : instant.toInstant().toString();
        } else {
            text = result.getString(column);
        }
        if (text == null) {
            return "\\N";
        }
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
