package dev.aispend.platform.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's own credentials for what it asks ledger-service on its own behalf (report-service's replays for
 * a rebuild and its audit reads): a bearer token or API key from {@code AUTH_LEDGER_CREDENTIAL}, or from the file
 * {@code AUTH_LEDGER_CREDENTIAL_FILE} (a mounted secret). A request that already carries a caller's credentials
 * (a re-pricing forwarded for the policy owner who asked) keeps them, so the ledger records that caller.
 */
@ClientFilter(serviceId = "ledger")
@Requires(condition = LedgerCredentialFilter.Configured.class)
final class LedgerCredentialFilter {
    private final String credential;

    LedgerCredentialFilter(@Nullable @Value("${auth.ledger-credential:}") String credential,
                           @Nullable @Value("${auth.ledger-credential-file:}") String file) {
        this.credential = read(credential, file);
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(credential);
        }
    }

    private static String read(@Nullable String credential, @Nullable String file) {
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException failure) {
                throw new UncheckedIOException("AUTH_LEDGER_CREDENTIAL_FILE " + file + " is not readable", failure);
            }
        }
        return credential == null ? "" : credential.strip();
    }

    /** Only when a credential is configured: otherwise requests go out without one (and the ledger refuses them). */
    static final class Configured implements io.micronaut.context.condition.Condition {
        @Override
        public boolean matches(io.micronaut.context.condition.ConditionContext context) {
            var properties = context.getBeanContext() instanceof io.micronaut.core.value.PropertyResolver resolver
                    ? resolver : null;
            if (properties == null) {
                return false;
            }
            return properties.getProperty("auth.ledger-credential", String.class).filter(v -> !v.isBlank())
                    .or(() -> properties.getProperty("auth.ledger-credential-file", String.class)
                            .filter(v -> !v.isBlank())).isPresent();
        }
    }
}
