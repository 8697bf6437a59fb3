package dev.aispend.ingest.directory.migration;

import dev.aispend.ingest.directory.SealedRows;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Hands Flyway the migration of ingest's default datasource that SQL cannot do, {@link DirectorySealingMigration}
 * (it needs the service's keys), beside the SQL migrations in {@code db/migration}. micronaut-flyway looks a
 * customizer up by the datasource's name; this one replaces its default, which only adds beans of kinds the service
 * does not have (callbacks, resolvers, other Java migrations).
 */
@Singleton
@Named(DirectoryMigrations.DATASOURCE)
final class DirectoryMigrations implements FlywayConfigurationCustomizer {
    static final String DATASOURCE = "default";

    private final SealedRows sealed;

    DirectoryMigrations(SealedRows sealed) {
        this.sealed = sealed;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(new DirectorySealingMigration(sealed));
    }

    @Override
    public String getName() {
        return DATASOURCE;
    }
}
