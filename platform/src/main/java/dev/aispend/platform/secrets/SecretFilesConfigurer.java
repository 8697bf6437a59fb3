package dev.aispend.platform.secrets;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Adds the secrets given as files ({@code <NAME>_FILE}, {@link SecretNames}) to every service's configuration before
 * it is read. Registered as a service (by {@code @ContextConfigurer}), so every application context built from a
 * builder gets it: the services' main, and their tests. Micronaut creates one per builder.
 */
@ContextConfigurer
public final class SecretFilesConfigurer implements ApplicationContextConfigurer {
    private final SecretFileLoading loading = new SecretFileLoading(System.getenv());

    @Override
    public void configure(ApplicationContextBuilder builder) {
        loading.addTo(builder);
    }

    @Override
    public void configure(ApplicationContext context) {
        loading.failIfRefused();
    }
}
