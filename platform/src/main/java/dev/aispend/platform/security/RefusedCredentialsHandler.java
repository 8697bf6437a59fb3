package dev.aispend.platform.security;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.ProblemDetails;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A refused request gets RFC 9457 problem details like every other error: 401 (no valid credentials, with a
 * {@code WWW-Authenticate: Bearer} challenge) or 403 (valid credentials, roles that do not admit the request).
 * The answer never says why credentials were refused (expired, wrong key, wrong issuer): that is for the log,
 * not for someone probing tokens. Written here, not by the problem-details filter, because the security filter
 * refuses before the request reaches that filter.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class RefusedCredentialsHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException refused) {
        if (refused.isForbidden()) {
            return problem(HttpStatus.FORBIDDEN, "the caller's roles do not admit this request (docs/security.md)");
        }
        return problem(HttpStatus.UNAUTHORIZED, "no valid credentials: send Authorization: Bearer <token or API key>")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aispend\"");
    }

    private static MutableHttpResponse<?> problem(HttpStatus status, String sentence) {
        return HttpResponse.status(status).contentType(MediaType.of(ProblemDetails.MEDIA_TYPE))
                .body(ProblemDetails.of(status.getCode(), status.getReason(), ErrorBody.of(sentence, List.of())));
    }
}
