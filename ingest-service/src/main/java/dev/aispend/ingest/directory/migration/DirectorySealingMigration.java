package dev.aispend.ingest.directory.migration;

import dev.aispend.ingest.directory.DirectoryRow;
import dev.aispend.ingest.directory.SealedRows;
import dev.aispend.ingest.identity.AliasKind;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * Version 6 of ingest's schema: copies every row of the plaintext {@code directory_entry} (V1) into
 * {@code directory_entry_sealed} (V5), found by refs and with its personal data encrypted ({@link SealedRows}),
 * keeping its link id and the time it was recorded. It needs PSEUDONYM_KEY and DIRECTORY_ENCRYPTION_KEY, which only
 * the service has, so it is a Java migration the service hands Flyway ({@link DirectoryMigrations}) rather than
 * SQL. It runs once, in one transaction with Flyway's record of it: a failure leaves nothing half copied, and the
 * next start runs it again from the start. V7 then drops the plaintext table.
 */
final class DirectorySealingMigration implements JavaMigration {
    static final String VERSION = "6";
    private static final int BATCH_ROWS = 1_000;
    private static final String READ = """
            SELECT alias_kind, alias_value, valid_from, person_id, team, cost_center, link_id, recorded_at
              FROM directory_entry ORDER BY alias_kind, alias_value, valid_from""";
    private static final String WRITE = """
            INSERT INTO directory_entry_sealed (alias_kind, alias_ref, alias_sealed, valid_from, person_ref,
                                                person_sealed, team, cost_center, link_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String ANY_ROW = "SELECT EXISTS (SELECT 1 FROM directory_entry)";

    private final Supplier<SealedRows> sealedRows;

    /** @param sealedRows asked for only when there are rows to seal: a new database needs no key to migrate */
    DirectorySealingMigration(Supplier<SealedRows> sealedRows) {
        this.sealedRows = sealedRows;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "directory sealed";
    }

    /** No checksum: the migration's effect is defined by this code, which never changes once released. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!anyRow(connection)) {
            return;
        }
        SealedRows sealed = sealedRows.get();
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement(WRITE)) {
            // Read in slices rather than all at once (a cursor: Flyway's transaction keeps auto-commit off).
            read.setFetchSize(BATCH_ROWS);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(READ)) {
                while (rows.next()) {
                    addCopy(write, rows, sealed);
                    if (++pending == BATCH_ROWS) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static boolean anyRow(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet answer = query.executeQuery(ANY_ROW)) {
            return answer.next() && answer.getBoolean(1);
        }
    }

    private static void addCopy(PreparedStatement write, ResultSet rows, SealedRows sealed) throws SQLException {
        DirectoryRow row = new DirectoryRow(AliasKind.fromWireName(rows.getString(1)), rows.getString(2),
                rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7));
        SealedRows.Stored stored = sealed.seal(row);
        write.setString(1, stored.kind().wireName());
        write.setString(2, stored.aliasRef());
        write.setBytes(3, stored.aliasSealed());
        write.setObject(4, rows.getObject(3, OffsetDateTime.class));
        write.setString(5, stored.personRef());
        write.setBytes(6, stored.personSealed());
        write.setString(7, stored.team());
        write.setString(8, stored.costCenter());
        write.setString(9, stored.linkId());
        write.setObject(10, rows.getObject(8, OffsetDateTime.class));
        write.addBatch();
    }
}
