package dev.aispend.platform.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * The service's own credentials for what it asks ledger-service on its own behalf (report-service's replays for
 * a rebuild and its audit reads): a bearer token or API key from {@code AUTH_LEDGER_CREDENTIAL}, or from the file
 * {@code AUTH_LEDGER_CREDENTIAL_FILE} (a mounted secret; platform secrets reads it into the same setting). A
 * request that already carries a caller's credentials (a re-pricing forwarded for the policy owner who asked)
 * keeps them, so the ledger records that caller. Without a credential requests go out without one (and the
 * ledger refuses them).
 */
@ClientFilter(serviceId = "ledger")
@Requires(property = "auth.ledger-credential", pattern = ".*\\S.*")
final class LedgerCredentialFilter {
    private final String credential;

    LedgerCredentialFilter(@Value("${auth.ledger-credential}") String credential) {
        this.credential = credential.strip();
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(credential);
        }
    }
}
