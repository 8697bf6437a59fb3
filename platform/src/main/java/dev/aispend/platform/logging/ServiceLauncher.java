package dev.aispend.platform.logging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/**
 * Starts a service as {@code Micronaut.run} does, but prints Micronaut's banner only for people
 * ({@code LOG_FORMAT=text}): with JSON logs (the default) every line a service writes is a JSON object, and the
 * banner's five lines of ASCII art would be the only ones a log shipper cannot parse.
 */
public final class ServiceLauncher {
    private ServiceLauncher() {
    }

    public static ApplicationContext run(Class<?> application, String... arguments) {
        boolean textLogs = "text".equals(System.getenv("LOG_FORMAT"));
        return Micronaut.build(arguments).classes(application).banner(textLogs).start();
    }
}
