package dev.aispend.report.readmodel;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/**
 * The schema of one read-model generation: {@code report_g<generation>}, created and migrated by Flyway from
 * {@code classpath:db/readmodel} with its own history table, so every generation has exactly the same tables and
 * a new read-model migration reaches the live generation at start-up like any other migration.
 */
public final class ReadModelSchema {
    private static final Pattern NAME = Pattern.compile("report_g[1-9][0-9]{0,8}");

    private ReadModelSchema() {
    }

    /** The schema name of a generation; safe to put into SQL text (digits only after a fixed prefix). */
    public static String nameOf(int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("a generation starts at 1, was " + generation);
        }
        String name = "report_g" + generation;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("not a read-model schema name: " + name);
        }
        return name;
    }

    /** Creates the generation's schema if missing and applies every pending read-model migration to it. */
    public static void migrate(DataSource dataSource, int generation) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(nameOf(generation))
                .createSchemas(true)
                .locations("classpath:db/readmodel")
                .load()
                .migrate();
    }
}
