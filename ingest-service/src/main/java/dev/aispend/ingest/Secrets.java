package dev.aispend.ingest;

import io.micronaut.core.annotation.Nullable;

/** How a secret appears in a configuration's {@code toString}: whether it is set, never its value. */
public final class Secrets {
    private Secrets() {
    }

    public static String masked(@Nullable String secret) {
        return secret == null || secret.isBlank() ? "<unset>" : "<set>";
    }
}
