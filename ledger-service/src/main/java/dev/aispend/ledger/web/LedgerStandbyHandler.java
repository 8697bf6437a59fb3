package dev.aispend.ledger.web;

import dev.aispend.ledger.leadership.LedgerStandbyException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * 503 with {@code Retry-After} when a request that appends (a replay, a re-pricing) reaches an instance that does
 * not lead the ledger: nothing was recorded, and the retry reaches the leader (its readiness is the only one UP).
 */
@Produces
@Singleton
final class LedgerStandbyHandler implements ExceptionHandler<LedgerStandbyException, HttpResponse<ErrorBody>> {
    private static final int RETRY_AFTER_SECONDS = 2;

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, LedgerStandbyException exception) {
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .body(ErrorBody.of(exception.getMessage(), List.of()));
    }
}
