package dev.aispend.testsupport.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * In the {@code test} environment, a request the test's HTTP client sends without credentials carries the
 * all-roles token, so tests about figures need not repeat authentication. Tests about access set their own
 * {@code Authorization} header (left as it is), or send {@value #NO_CREDENTIALS} to send none at all. A test
 * context may set {@code test.bearer.roles} (comma-separated) to send a token with those roles instead, e.g. a
 * caller who may not see people.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
@Requires(env = Environment.TEST)
public class TestBearerFilter {
    /** An {@code Authorization} value this filter removes: the request then goes out with no credentials. */
    public static final String NO_CREDENTIALS = "none";

    private final String defaultToken;

    TestBearerFilter(@Value("${test.bearer.roles:}") String roles) {
        this.defaultToken = roles.isBlank() ? TestIssuer.allRoles()
                : TestIssuer.token("test-" + roles.replace(',', '+'), roles.split(","));
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        String given = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (given == null) {
            request.bearerAuth(defaultToken);
        } else if (given.equals(NO_CREDENTIALS)) {
            request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
        }
    }
}
