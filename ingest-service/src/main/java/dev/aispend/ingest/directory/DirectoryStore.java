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
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code directory_entry} (V5-V7) in ingest's PostgreSQL, within the caller's transaction. Rows are found by refs
 * and hold their personal data encrypted ({@link SealedRows}); only the reads that must show it decrypt. Writes are
 * set-based (a statement per {@value #CHUNK_ROWS} rows, arrays unnested), so an import of thousands of entries is a
 * few statements, not thousands. Rows are only ever inserted: history is never rewritten.
 */
@Singleton
public class DirectoryStore {
    static final int CHUNK_ROWS = 1_000;
    private static final String COLUMNS = "alias_kind, alias_ref, alias_sealed, valid_from, person_ref, "
            + "person_sealed, team, cost_center, link_id, recorded_at";
    private static final String INSERT = """
            INSERT INTO directory_entry (alias_kind, alias_ref, alias_sealed, valid_from, person_ref, person_sealed,
                                         team, cost_center, link_id)
            SELECT * FROM unnest(?::text[], ?::text[], ?::bytea[], ?::timestamptz[], ?::text[], ?::bytea[],
                                 ?::text[], ?::text[], ?::text[])
            ON CONFLICT DO NOTHING
            RETURNING alias_kind, alias_ref, valid_from""";
    private static final String AT_KEYS = "SELECT " + COLUMNS + """
             FROM directory_entry
            WHERE (alias_kind, alias_ref, valid_from) IN
                  (SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[]))""";
    private static final String IN_FORCE = "SELECT DISTINCT ON (alias_kind, alias_ref) " + COLUMNS + """
             FROM directory_entry
            WHERE (alias_kind, alias_ref) IN (SELECT * FROM unnest(?::text[], ?::text[])) AND valid_from <= ?
            ORDER BY alias_kind, alias_ref, valid_from DESC""";
    /** Per lookup (kind, ref, at): its entry in force then, through the primary key's index, one probe each. */
    private static final String IN_FORCE_AT = """
            SELECT lookup.position, entry.person_ref, entry.team, entry.cost_center
              FROM unnest(?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY AS lookup(kind, ref, at, position)
              CROSS JOIN LATERAL (SELECT person_ref, team, cost_center FROM directory_entry
                                   WHERE alias_kind = lookup.kind AND alias_ref = lookup.ref
                                     AND valid_from <= lookup.at
                                   ORDER BY valid_from DESC LIMIT 1) entry""";
    /** Every row of each alias asked for, through the primary key's index: what the directory cache keeps. */
    private static final String HISTORIES = """
            SELECT alias_kind, alias_ref, valid_from, person_ref, team, cost_center FROM directory_entry
             WHERE (alias_kind, alias_ref) IN (SELECT * FROM unnest(?::text[], ?::text[]))""";
    private static final String HISTORY = "SELECT " + COLUMNS + """
             FROM directory_entry WHERE person_ref = ?
            ORDER BY valid_from, alias_kind, alias_ref LIMIT ? OFFSET ?""";

    private final ConnectionOperations<Connection> connections;
    private final SealedRows sealed;

    DirectoryStore(ConnectionOperations<Connection> connections, SealedRows sealed) {
        this.connections = connections;
        this.sealed = sealed;
    }

    /** Inserts the rows whose key is free; returns the keys it inserted (the others were there already). */
    public Set<DirectoryRow.Key> insertNew(List<DirectoryRow> rows) {
        Set<DirectoryRow.Key> inserted = new HashSet<>();
        for (List<DirectoryRow> rowsOfChunk : chunks(rows)) {
            List<SealedRows.Stored> chunk = rowsOfChunk.stream().map(sealed::seal).toList();
            Map<StoredKey, DirectoryRow.Key> keys = new HashMap<>();
            for (int index = 0; index < chunk.size(); index++) {
                SealedRows.Stored stored = chunk.get(index);
                keys.put(new StoredKey(stored.kind(), stored.aliasRef(), stored.validFrom()),
                        rowsOfChunk.get(index).key());
            }
            run(INSERT, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(row -> row.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream().map(SealedRows.Stored::aliasRef)));
                statement.setArray(3, bytes(connection, chunk.stream().map(SealedRows.Stored::aliasSealed)));
                statement.setArray(4, texts(connection, chunk.stream().map(row -> row.validFrom().toString())));
                statement.setArray(5, texts(connection, chunk.stream().map(SealedRows.Stored::personRef)));
                statement.setArray(6, bytes(connection, chunk.stream().map(SealedRows.Stored::personSealed)));
                statement.setArray(7, texts(connection, chunk.stream().map(SealedRows.Stored::team)));
                statement.setArray(8, texts(connection, chunk.stream().map(SealedRows.Stored::costCenter)));
                statement.setArray(9, texts(connection, chunk.stream().map(SealedRows.Stored::linkId)));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        inserted.add(keys.get(new StoredKey(AliasKind.fromWireName(result.getString(1)),
                                result.getString(2), instant(result, 3))));
                    }
                }
                return null;
            });
        }
        return inserted;
    }

    /** The rows recorded at these keys, as stored (not decrypted). */
    public Map<DirectoryRow.Key, SealedRows.Stored> at(Collection<DirectoryRow.Key> keys) {
        Map<StoredKey, DirectoryRow.Key> asked = new HashMap<>();
        keys.forEach(key -> asked.put(storedKey(key), key));
        Map<DirectoryRow.Key, SealedRows.Stored> found = new HashMap<>();
        for (List<StoredKey> chunk : chunks(List.copyOf(asked.keySet()))) {
            run(AT_KEYS, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(key -> key.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream().map(StoredKey::ref)));
                statement.setArray(3, texts(connection, chunk.stream().map(key -> key.validFrom().toString())));
                readRows(statement).forEach(stored -> found.put(asked.get(new StoredKey(stored.stored().kind(),
                        stored.stored().aliasRef(), stored.stored().validFrom())), stored.stored()));
                return null;
            });
        }
        return found;
    }

    /**
     * The entry in force at {@code at} (valid from at or before it) of each alias that has one, as stored (not
     * decrypted).
     */
    public Map<DirectoryRow.Alias, SealedRows.Stored> inForceSealed(Collection<DirectoryRow.Alias> aliases,
                                                                   Instant at) {
        Map<String, DirectoryRow.Alias> byRef = new HashMap<>();
        aliases.forEach(alias -> byRef.put(sealed.aliasRef(alias.kind(), alias.value()), alias));
        Map<DirectoryRow.Alias, SealedRows.Stored> found = new HashMap<>();
        for (List<DirectoryRow.Alias> chunk : chunks(List.copyOf(aliases))) {
            run(IN_FORCE, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, texts(connection, chunk.stream().map(alias -> alias.kind().wireName())));
                statement.setArray(2, texts(connection, chunk.stream()
                        .map(alias -> sealed.aliasRef(alias.kind(), alias.value()))));
                statement.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                readRows(statement).forEach(stored -> found.put(byRef.get(stored.stored().aliasRef()),
                        stored.stored()));
                return null;
            });
        }
        return found;
    }

    /**
     * The entry in force at each lookup's own time (latest valid-from at or before it), for the lookups that have
     * one: a request's lookups in one statement, whatever their number (a request carries at most
     * INGEST_MAX_BATCH_RECORDS records of five aliases each). Nothing is decrypted: the answer is refs and teams.
     */
    public Map<Directory.Lookup, DirectoryEntry> inForceAt(List<Directory.Lookup> lookups) {
        if (lookups.isEmpty()) {
            return Map.of();
        }
        return run(IN_FORCE_AT, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, texts(connection, lookups.stream().map(lookup -> lookup.kind().wireName())));
            statement.setArray(2, texts(connection, lookups.stream()
                    .map(lookup -> sealed.aliasRef(lookup.kind(), lookup.normalizedValue()))));
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

    /**
     * Each alias's whole history (valid-from to entry), one statement for all of them: every alias asked for is
     * in the answer, with an empty history when the directory has no row of it. Nothing is decrypted.
     */
    public Map<SealedAlias, NavigableMap<Instant, DirectoryEntry>> histories(Collection<SealedAlias> aliases) {
        Map<SealedAlias, NavigableMap<Instant, DirectoryEntry>> histories = new HashMap<>();
        aliases.forEach(alias -> histories.put(alias, new TreeMap<>()));
        if (aliases.isEmpty()) {
            return histories;
        }
        List<SealedAlias> asked = List.copyOf(histories.keySet());
        return run(HISTORIES, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, texts(connection, asked.stream().map(alias -> alias.kind().wireName())));
            statement.setArray(2, texts(connection, asked.stream().map(SealedAlias::aliasRef)));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    SealedAlias alias = new SealedAlias(AliasKind.fromWireName(result.getString(1)),
                            result.getString(2));
                    histories.get(alias).put(instant(result, 3), new DirectoryEntry(result.getString(4),
                            result.getString(5), result.getString(6)));
                }
            }
            return histories;
        });
    }

    /** The entry in force for one alias at {@code at}, decrypted: the admin's read. */
    public Optional<Recorded> inForce(DirectoryRow.Alias alias, Instant at) {
        return run(IN_FORCE, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, texts(connection, Stream.of(alias.kind().wireName())));
            statement.setArray(2, texts(connection, Stream.of(sealed.aliasRef(alias.kind(), alias.value()))));
            statement.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            return readRows(statement).stream().findFirst().map(this::opened);
        });
    }

    /** Rows of the person {@code personRef} names, oldest first, decrypted; a page of at most {@code limit}. */
    public List<Recorded> history(String personRef, int limit, long offset) {
        return run(HISTORY, statement -> {
            statement.setString(1, personRef);
            statement.setInt(2, limit);
            statement.setLong(3, offset);
            return readRows(statement).stream().map(this::opened).toList();
        });
    }

    private StoredKey storedKey(DirectoryRow.Key key) {
        return new StoredKey(key.kind(), sealed.aliasRef(key.kind(), key.value()), key.validFrom());
    }

    private <T> T run(String sql, Statement<T> work) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException failure) {
            throw new StoreUnavailableException("the identity directory could not be read or written", failure);
        }
    }

    private static List<StoredAt> readRows(PreparedStatement statement) throws SQLException {
        List<StoredAt> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new StoredAt(new SealedRows.Stored(AliasKind.fromWireName(result.getString(1)),
                        result.getString(2), result.getBytes(3), instant(result, 4), result.getString(5),
                        result.getBytes(6), result.getString(7), result.getString(8), result.getString(9)),
                        instant(result, 10)));
            }
        }
        return rows;
    }

    private Recorded opened(StoredAt stored) {
        return new Recorded(sealed.open(stored.stored()), stored.recordedAt());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK_ROWS) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK_ROWS)));
        }
        return chunks;
    }

    private static java.sql.Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static java.sql.Array bytes(Connection connection, Stream<byte[]> values) throws SQLException {
        return connection.createArrayOf("bytea", values.toArray(byte[][]::new));
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An alias as the table finds it: its kind and its ref (never its value). */
    public record SealedAlias(AliasKind kind, String aliasRef) {
    }

    /** A row and when ingest recorded it. */
    public record Recorded(DirectoryRow row, Instant recordedAt) {
    }

    /** A row as stored, and when ingest recorded it. */
    private record StoredAt(SealedRows.Stored stored, Instant recordedAt) {
    }

    /** The table's primary key: the alias by its ref. */
    private record StoredKey(AliasKind kind, String ref, Instant validFrom) {
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
