package dev.aispend.platform.docs;

import dev.aispend.platform.secrets.RepositoryFiles;
import dev.aispend.platform.secrets.SecretNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md is the configuration reference a platform engineer deploys from: every environment variable the
 * four services' application.yml files read, the shared logging configuration's, and every secret with its
 * {@code _FILE} variant must be in it, and each default beside its variable. A setting added without a line in the
 * guide fails here, naming it and the file that reads it.
 */
class OperationsGuideNamesEverySettingTest {
    private static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "policy-service",
            "report-service");
    private static final String GUIDE = "docs/operations.md";
    private static final String LOGBACK = "platform/src/main/resources/logback.xml";

    private final Path root = RepositoryFiles.root();
    private final OperationsGuide guide = new OperationsGuide(read(GUIDE));

    @Test
    void names_every_environment_variable_the_services_application_yml_files_read() {
        Set<String> missing = new TreeSet<>();
        for (String service : SERVICES) {
            String file = applicationYml(service);
            List<ConfigurationPlaceholders.Placeholder> placeholders = ConfigurationPlaceholders.inApplicationYml(
                    read(file));
            assertThat(placeholders).as("the environment variables of " + file).isNotEmpty();
            placeholders.stream().filter(placeholder -> !guide.mentions(placeholder.name()))
                    .forEach(placeholder -> missing.add(placeholder.name() + " (read by " + file + ")"));
        }
        assertThat(missing).as("settings " + GUIDE + " does not name; add each to its configuration reference")
                .isEmpty();
    }

    @Test
    void states_each_default_in_a_table_row_that_names_its_variable() {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            String file = applicationYml(service);
            for (ConfigurationPlaceholders.Placeholder placeholder : ConfigurationPlaceholders.inApplicationYml(
                    read(file))) {
                if (!placeholder.defaultValue().isEmpty()
                        && !guide.statesDefault(placeholder.name(), placeholder.defaultValue())) {
                    missing.add(placeholder.name() + " = " + placeholder.defaultValue() + " (" + file + ")");
                }
            }
        }
        assertThat(missing).as("defaults " + GUIDE + " does not state in the row of their variable").isEmpty();
    }

    @Test
    void names_every_secret_and_the_file_variable_it_may_be_read_from() {
        List<String> missing = new ArrayList<>();
        for (String secret : SecretNames.ALL) {
            for (String variable : List.of(secret, SecretNames.fileVariable(secret))) {
                if (!guide.mentions(variable)) {
                    missing.add(variable);
                }
            }
        }
        assertThat(missing).as("secret settings (platform SecretNames) " + GUIDE + " does not name").isEmpty();
    }

    @Test
    void names_the_variables_of_the_shared_logging_configuration() {
        List<ConfigurationPlaceholders.Placeholder> placeholders = ConfigurationPlaceholders.inLogbackXml(
                read(LOGBACK));

        assertThat(placeholders).as("the environment variables of " + LOGBACK).isNotEmpty();
        assertThat(placeholders).as("logging settings " + GUIDE + " does not name or give the default of")
                .allMatch(placeholder -> guide.mentions(placeholder.name())
                        && guide.statesDefault(placeholder.name(), placeholder.defaultValue()));
    }

    private static String applicationYml(String service) {
        return service + "/src/main/resources/application.yml";
    }

    private String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + relative + " under " + root, failure);
        }
    }
}
