package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.directory.DirectoryConflictException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 409 naming each alias whose recorded entry from the same instant says otherwise (by field path and kind, not
 * value); nothing of the request was written or published. The platform's filter turns the body into RFC 9457
 * problem details.
 */
@Produces
@Singleton
final class DirectoryConflictHandler
        implements ExceptionHandler<DirectoryConflictException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DirectoryConflictException exception) {
        return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT).body(ErrorBody.of("the request contradicts "
                + "entries the directory recorded; nothing was written or published", exception.conflicts()));
    }
}
