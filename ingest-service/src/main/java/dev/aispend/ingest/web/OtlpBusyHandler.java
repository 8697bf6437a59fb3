package dev.aispend.ingest.web;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.source.otlp.OtlpBusyException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 503 with {@code Retry-After} when an OTLP export waited too long for its turn: nothing of it was read or
 * published, and the exporter retries the same export (OTLP/HTTP's retryable answer).
 */
@Produces
@Singleton
final class OtlpBusyHandler implements ExceptionHandler<OtlpBusyException, HttpResponse<ErrorBody>> {
    private final int retryAfterSeconds;

    OtlpBusyHandler(IngestConfiguration configuration) {
        this.retryAfterSeconds = configuration.retryAfterSeconds();
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, OtlpBusyException exception) {
        return RetryLater.after(retryAfterSeconds, exception.getMessage() + " (INGEST_OTLP_MAX_CONCURRENT_EXPORTS, "
                + "INGEST_OTLP_EXPORT_WAIT); nothing was read: retry after " + retryAfterSeconds
                + " s with the same export");
    }
}
