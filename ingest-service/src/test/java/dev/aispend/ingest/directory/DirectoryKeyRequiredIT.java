package dev.aispend.ingest.directory;

import dev.aispend.ingest.IngestTestProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Without DIRECTORY_ENCRYPTION_KEY, or with one that is not 32 bytes, ingest does not start, and says why. */
class DirectoryKeyRequiredIT {

    @Test
    void refuses_to_start_without_the_directory_key_or_with_a_short_one_naming_the_variable_not_the_value() {
        String shortKey = "c2hvcnQta2V5LW5ldmVyLWxvZ2dlZA==";

        Throwable missing = startWith("directory-key-missing-it.", "");
        Throwable tooShort = startWith("directory-key-short-it.", shortKey);

        assertThat(missing).hasStackTraceContaining("DIRECTORY_ENCRYPTION_KEY");
        assertThat(tooShort).hasStackTraceContaining("DIRECTORY_ENCRYPTION_KEY must be 32 bytes");
        assertThat(tooShort).satisfies(failure -> assertThat(stackTraceOf(failure)).doesNotContain(shortKey));
    }

    private static Throwable startWith(String topicPrefix, String key) {
        Map<String, Object> properties = new HashMap<>(IngestTestProperties.of(topicPrefix,
                Map.of("ingest.directory-encryption-key", key)));
        return catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties, Environment.TEST)
                .close());
    }

    private static String stackTraceOf(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
