package dev.aispend.ingest.directory.migration;

import dev.aispend.ingest.directory.SealedRows;
import io.micronaut.context.BeanProvider;
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

    /** Resolved only when V6 has rows to seal, so the keys are not needed to migrate a new database. */
    private final BeanProvider<SealedRows> sealed;

    DirectoryMigrations(BeanProvider<SealedRows> sealed) {
        this.sealed = sealed;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(new DirectorySealingMigration(sealed::get));
    }

    @Override
    public String getName() {
        return DATASOURCE;
    }
}
