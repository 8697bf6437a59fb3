package dev.aispend.ingest.directory;

import dev.aispend.ingest.acceptance.StoreUnavailableException;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code directory_entry} (V1__directory.sql) in ingest's PostgreSQL, within the caller's transaction. Writes are
 * set-based (a statement per {@value #CHUNK_ROWS} rows, arrays unnested), so an import of thousands of entries
 * is a few statements, not thousands. Rows are only ever inserted: history is never rewritten.
 */
@Singleton
public class DirectoryStore {
    static final int CHUNK_ROWS = 1_000;
    private static final String COLUMNS = "alias_kind, alias_value, valid_from, person_id, team, cost_center, "
            + "link_id, recorded_at";
    private static final String INSERT = """
            INSERT INTO directory_entry (alias_kind, alias_value, valid_from, person_id, team, cost_center, link_id)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
            ON CONFLICT DO NOTHING
            RETURNING alias_kind, alias_value, valid_from""";
    private static final String AT_KEYS = "SELECT " + COLUMNS + """
             FROM directory_entry
            WHERE (alias_kind, alias_value, valid_from) IN
                  (SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[]))""";
    private static final String IN_FORCE = "SELECT DISTINCT ON (alias_kind, alias_value) " + COLUMNS + """
             FROM directory_entry
            WHERE (alias_kind, alias_value) IN (SELECT * FROM unnest(?::text[], ?::text[])) AND valid_from <= ?
            ORDER BY alias_kind, alias_value, valid_from DESC""";
    /** Per lookup (kind, value, at): its entry in force then, through the primary key's index, one probe each. */
    private static final String IN_FORCE_AT = """
            SELECT lookup.position, entry.person_id, entry.team, entry.cost_center
              FROM unnest(?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY AS lookup(kind, value, at, position)
              CROSS JOIN LATERAL (SELECT person_id, team, cost_center FROM directory_entry
                                   WHERE alias_kind = lookup.kind AND alias_value = lookup.value
                                     AND valid_from <= lookup.at
                                   ORDER BY valid_from DESC LIMIT 1) entry""";
    private static final String HISTORY = "SELECT " + COLUMNS + """
             FROM directory_entry WHERE person_id = ?
            ORDER BY valid_from, alias_kind, alias_value LIMIT ? OFFSET ?""";

    private final ConnectionOperations<Connection> connections;

    DirectoryStore(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** Inserts the rows whose key is free; returns the keys it inserted (the others were there already). */
    public Set<DirectoryRow.Key> insertNew(List<DirectoryRow> rows) {
        Set<DirectoryRow.Key> inserted = new HashSet<>();
        for (int start = 0; start < rows.size(); start += CHUNK_ROWS) {
            List<DirectoryRow> chunk = rows.subList(start, Math.min(rows.size(), start + CHUNK_ROWS));
            run(INSERT, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(row -> row.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream().map(DirectoryRow::value)));
                statement.setArray(3, texts(connection, chunk.stream().map(row -> row.validFrom().toString())));
                statement.setArray(4, texts(connection, chunk.stream().map(DirectoryRow::personId)));
                statement.setArray(5, texts(connection, chunk.stream().map(DirectoryRow::team)));
                statement.setArray(6, texts(connection, chunk.stream().map(DirectoryRow::costCenter)));
                statement.setArray(7, texts(connection, chunk.stream().map(DirectoryRow::linkId)));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        inserted.add(new DirectoryRow.Key(AliasKind.fromWireName(result.getString(1)),
                                result.getString(2), instant(result, 3)));
                    }
                }
                return null;
            });
        }
        return inserted;
    }

    /** The rows recorded at these keys. */
    public Map<DirectoryRow.Key, DirectoryRow> at(Collection<DirectoryRow.Key> keys) {
        List<DirectoryRow.Key> all = List.copyOf(keys);
        Map<DirectoryRow.Key, DirectoryRow> found = new HashMap<>();
        for (int start = 0; start < all.size(); start += CHUNK_ROWS) {
            List<DirectoryRow.Key> chunk = all.subList(start, Math.min(all.size(), start + CHUNK_ROWS));
            run(AT_KEYS, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(key -> key.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream().map(DirectoryRow.Key::value)));
                statement.setArray(3, texts(connection, chunk.stream().map(key -> key.validFrom().toString())));
                readRows(statement).forEach(recorded -> found.put(recorded.row().key(), recorded.row()));
                return null;
            });
        }
        return found;
    }

    /** The entry in force at {@code at} (valid from at or before it) of each alias that has one. */
    public Map<DirectoryRow.Alias, Recorded> inForce(Collection<DirectoryRow.Alias> aliases, Instant at) {
        List<DirectoryRow.Alias> all = List.copyOf(aliases);
        Map<DirectoryRow.Alias, Recorded> found = new HashMap<>();
        for (int start = 0; start < all.size(); start += CHUNK_ROWS) {
            List<DirectoryRow.Alias> chunk = all.subList(start, Math.min(all.size(), start + CHUNK_ROWS));
            run(IN_FORCE, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(alias -> alias.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream().map(DirectoryRow.Alias::value)));
                statement.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                readRows(statement).forEach(recorded -> found.put(recorded.row().alias(), recorded));
                return null;
            });
        }
        return found;
    }

    /**
     * The entry in force at each lookup's own time (latest valid-from at or before it), for the lookups that have
     * one: a request's lookups in one statement, whatever their number (a request carries at most
     * INGEST_MAX_BATCH_RECORDS records of five aliases each).
     */
    public Map<Directory.Lookup, DirectoryEntry> inForceAt(List<Directory.Lookup> lookups) {
        if (lookups.isEmpty()) {
            return Map.of();
        }
        return run(IN_FORCE_AT, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, texts(connection, lookups.stream().map(lookup -> lookup.kind().wireName())));
            statement.setArray(2, texts(connection, lookups.stream().map(Directory.Lookup::normalizedValue)));
            statement.setArray(3, texts(connection, lookups.stream().map(lookup -> lookup.at().toString())));
            Map<Directory.Lookup, DirectoryEntry> found = new HashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.put(lookups.get((int) result.getLong(1) - 1), new DirectoryEntry(result.getString(2),
                            result.getString(3), result.getString(4)));
                }
            }
            return found;
        });
    }

    public Optional<Recorded> inForce(DirectoryRow.Alias alias, Instant at) {
        return Optional.ofNullable(inForce(List.of(alias), at).get(alias));
    }

    /** Rows naming {@code personId} (normalized), oldest first; a page of at most {@code limit}. */
    public List<Recorded> history(String personId, int limit, long offset) {
        return run(HISTORY, statement -> {
            statement.setString(1, personId);
            statement.setInt(2, limit);
            statement.setLong(3, offset);
            return readRows(statement);
        });
    }

    private <T> T run(String sql, Statement<T> work) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException failure) {
            throw new StoreUnavailableException("the identity directory could not be read or written", failure);
        }
    }

    private static List<Recorded> readRows(PreparedStatement statement) throws SQLException {
        List<Recorded> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Recorded(new DirectoryRow(AliasKind.fromWireName(result.getString(1)),
                        result.getString(2), instant(result, 3), result.getString(4), result.getString(5),
                        result.getString(6), result.getString(7)), instant(result, 8)));
            }
        }
        return rows;
    }

    private static java.sql.Array texts(Connection connection, java.util.stream.Stream<String> values)
            throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A row and when ingest recorded it. */
    public record Recorded(DirectoryRow row, Instant recordedAt) {
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
