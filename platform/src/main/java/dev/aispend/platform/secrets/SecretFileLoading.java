package dev.aispend.platform.secrets;

import io.micronaut.context.ApplicationContextBuilder;

import java.util.Map;

/**
 * Loading the secret files of one environment into one application context: while the context is built, and
 * refusing its start if a file setting was wrong. Apart from {@link SecretFilesConfigurer} so tests can give an
 * environment of their own (the process environment cannot be changed from Java).
 */
final class SecretFileLoading {
    private final Map<String, String> environment;
    private SecretFileException refusal;

    SecretFileLoading(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    void addTo(ApplicationContextBuilder builder) {
        try {
            Map<String, String> secrets = SecretFiles.read(environment);
            if (!secrets.isEmpty()) {
                builder.propertySources(new SecretFilePropertySource(secrets));
            }
        } catch (SecretFileException refused) {
            // Thrown while the builder is made, it would escape Micronaut.run unlogged; thrown when the context
            // starts (failIfRefused), Micronaut logs it as the reason the service did not start, and exits.
            refusal = refused;
        }
    }

    void failIfRefused() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
