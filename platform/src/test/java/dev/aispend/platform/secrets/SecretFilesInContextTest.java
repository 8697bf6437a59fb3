package dev.aispend.platform.secrets;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A secret read from a file is seen by Micronaut exactly where its environment variable would be: through the
 * placeholders of application.yml (which name the variable, {@code ${DB_PASSWORD:}}) and through the property names
 * Micronaut derives from a variable's name ({@code AUTH_LEDGER_CREDENTIAL} is {@code auth.ledger-credential}).
 */
class SecretFilesInContextTest {
    /** As application.yml says it, at the position Micronaut loads application.yml. */
    private static final PropertySource APPLICATION_YML = PropertySource.of("application.yml", Map.of(
            "datasources.default.password", "${DB_PASSWORD:}",
            "ingest.pseudonym-key", "${PSEUDONYM_KEY:}",
            "ingest.github.webhook-secrets", "${INGEST_GITHUB_WEBHOOK_SECRETS:}"),
            AbstractPropertySourceLoader.DEFAULT_POSITION);

    @TempDir
    Path directory;
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void resolves_the_placeholders_of_application_yml_to_the_files_content() throws Exception {
        start(Map.of("DB_PASSWORD_FILE", write("db", "from-the-db-file\n"),
                "PSEUDONYM_KEY_FILE", write("pseudonym", "from-the-key-file"),
                "INGEST_GITHUB_WEBHOOK_SECRETS_FILE", write("webhook", "new-secret,old-secret\n")));

        assertThat(context.getProperty("datasources.default.password", String.class)).contains("from-the-db-file");
        assertThat(context.getProperty("ingest.pseudonym-key", String.class)).contains("from-the-key-file");
        assertThat(context.getProperty("ingest.github.webhook-secrets", String.class))
                .contains("new-secret,old-secret");
    }

    @Test
    void gives_the_secret_the_property_names_micronaut_derives_from_the_variable() throws Exception {
        start(Map.of("AUTH_LEDGER_CREDENTIAL_FILE", write("credential", "a-service-token\n")));

        assertThat(context.getProperty("auth.ledger-credential", String.class)).contains("a-service-token");
        assertThat(context.getProperty("AUTH_LEDGER_CREDENTIAL", String.class)).contains("a-service-token");
    }

    @Test
    void is_not_hidden_by_the_same_variable_set_empty() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_PASSWORD", "");
        environment.put("DB_PASSWORD_FILE", write("db", "from-the-db-file"));

        start(environment);

        assertThat(context.getProperty("datasources.default.password", String.class)).contains("from-the-db-file");
    }

    @Test
    void leaves_the_placeholders_default_when_no_file_is_named() {
        start(Map.of());

        assertThat(context.getProperty("datasources.default.password", String.class)).contains("");
    }

    @Test
    void refuses_to_start_when_a_secret_is_given_twice() throws Exception {
        SecretFileLoading loading = new SecretFileLoading(Map.of("PSEUDONYM_KEY", "direct",
                "PSEUDONYM_KEY_FILE", write("pseudonym", "from-the-key-file")));
        loading.addTo(ApplicationContext.builder());

        assertThatThrownBy(loading::failIfRefused).isInstanceOf(SecretFileException.class)
                .hasMessageContaining("PSEUDONYM_KEY and PSEUDONYM_KEY_FILE are both set")
                .hasMessageNotContaining("direct").hasMessageNotContaining("from-the-key-file");
    }

    @Test
    void is_registered_for_every_application_context_builder() {
        List<ApplicationContextConfigurer> configurers = new ArrayList<>();
        SoftServiceLoader.load(ApplicationContextConfigurer.class).collectAll(configurers);

        assertThat(configurers).hasAtLeastOneElementOfType(SecretFilesConfigurer.class);
    }

    /** Starts a context as a service's would be, with {@code environment} as the process environment. */
    private void start(Map<String, String> environment) {
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false)
                .propertySources(APPLICATION_YML, new TestEnvironmentVariables(environment));
        SecretFileLoading loading = new SecretFileLoading(environment);
        loading.addTo(builder);
        context = builder.build();
        loading.failIfRefused();
        context.start();
    }

    private String write(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    /** The test's environment variables, read as Micronaut reads the process's. */
    private static final class TestEnvironmentVariables extends MapPropertySource {
        TestEnvironmentVariables(Map<String, String> environment) {
            super("test-environment", Map.copyOf(environment));
        }

        @Override
        public int getOrder() {
            return EnvironmentPropertySource.POSITION;
        }

        @Override
        public PropertyConvention getConvention() {
            return PropertyConvention.ENVIRONMENT_VARIABLE;
        }
    }
}
