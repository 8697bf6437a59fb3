package dev.aispend.ingest.web;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.BrokerUnavailableException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 503 with {@code Retry-After} when Kafka did not acknowledge within the bounded wait: the client (an OTLP
 * exporter, LiteLLM, GitHub's redelivery, a script) resends with the same ids, and the ledger records each once.
 */
@Produces
@Singleton
final class BrokerUnavailableHandler implements ExceptionHandler<BrokerUnavailableException, HttpResponse<ErrorBody>> {
    private final int retryAfterSeconds;

    BrokerUnavailableHandler(IngestConfiguration configuration) {
        this.retryAfterSeconds = configuration.retryAfterSeconds();
    }

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, BrokerUnavailableException exception) {
        return RetryLater.after(retryAfterSeconds, "the ledger's intake (Kafka) did not acknowledge in time; nothing "
                + "is lost: retry after " + retryAfterSeconds + " s with the same ids");
    }
}
