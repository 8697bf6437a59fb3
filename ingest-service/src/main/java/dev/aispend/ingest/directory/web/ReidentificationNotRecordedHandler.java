package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.directory.ReidentificationNotRecordedException;
import dev.aispend.ingest.web.RetryLater;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;


/** 503 with Retry-After: no silent re-identification, so an act the ledger's intake did not take discloses nothing. */
@Produces
@Singleton
final class ReidentificationNotRecordedHandler
        implements ExceptionHandler<ReidentificationNotRecordedException, HttpResponse<ErrorBody>> {
    private final int retryAfterSeconds;

    ReidentificationNotRecordedHandler(IngestConfiguration configuration) {
        this.retryAfterSeconds = configuration.retryAfterSeconds();
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ReidentificationNotRecordedException exception) {
        return RetryLater.after(retryAfterSeconds, "the re-identification could not be recorded in the ledger (Kafka "
                + "did not acknowledge in time), so nothing was disclosed; retry after " + retryAfterSeconds + " s");
    }
}
