package dev.aispend.platform.secrets;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;

import java.util.Map;

/**
 * The secrets read from files, seen by Micronaut as environment variables: under the variable's own name, so a
 * placeholder such as {@code ${DB_PASSWORD:}} in application.yml resolves to the file's content, and under the
 * property names Micronaut derives from it ({@code AUTH_LEDGER_CREDENTIAL} is also {@code auth.ledger-credential}),
 * exactly as the environment variable would be.
 */
final class SecretFilePropertySource extends MapPropertySource {
    static final String NAME = "secret-files";

    SecretFilePropertySource(Map<String, String> secrets) {
        super(NAME, Map.copyOf(secrets));
    }

    /** Just above the environment variables, so a variable set but empty (configuring nothing) does not hide it. */
    @Override
    public int getOrder() {
        return EnvironmentPropertySource.POSITION + 1;
    }

    @Override
    public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
    }
}
