package dev.aispend.ingest.web;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.StoreUnavailableException;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * 503 with {@code Retry-After} (problem+json) when ingest's database failed: our stores' {@link
 * StoreUnavailableException}, and what Micronaut throws before a store runs (no connection from the pool in time,
 * a transaction that could not begin or commit). Never 500: OTLP exporters retry a 503 and drop a 500, and
 * nothing was committed, so the retry with the same ids is safe. One handler per exception type, as Micronaut
 * picks handlers by type; they share the answer.
 */
final class StoreUnavailableHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandlers.class);

    private StoreUnavailableHandlers() {
    }

    /** The shared answer; the log names the failure's types and SQL state only (a message may quote values). */
    abstract static class Answer<E extends Throwable> implements ExceptionHandler<E, HttpResponse<ErrorBody>> {
        private final int retryAfterSeconds;

        Answer(IngestConfiguration configuration) {
            this.retryAfterSeconds = configuration.retryAfterSeconds();
        }

        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, E exception) {
            LOG.warn("ingest's database failed: {}", causes(exception));
            return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                    .body(ErrorBody.of("ingest's database is unavailable; nothing was recorded: retry after "
                            + retryAfterSeconds + " s with the same ids", List.of()));
        }
    }

    private static String causes(Throwable exception) {
        StringBuilder causes = new StringBuilder();
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            causes.append(depth == 0 ? "" : " <- ").append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                causes.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return causes.toString();
    }

    @Produces
    @Singleton
    static final class OfStore extends Answer<StoreUnavailableException> {
        OfStore(IngestConfiguration configuration) {
            super(configuration);
        }
    }

    /** Includes CannotCreateTransactionException (no connection to begin with) and commit failures. */
    @Produces
    @Singleton
    static final class OfTransaction extends Answer<TransactionException> {
        OfTransaction(IngestConfiguration configuration) {
            super(configuration);
        }
    }

    @Produces
    @Singleton
    static final class OfConnection extends Answer<ConnectionException> {
        OfConnection(IngestConfiguration configuration) {
            super(configuration);
        }
    }

    @Produces
    @Singleton
    static final class OfJdbcConnection extends Answer<CannotGetJdbcConnectionException> {
        OfJdbcConnection(IngestConfiguration configuration) {
            super(configuration);
        }
    }

    @Produces
    @Singleton
    static final class OfDataAccess extends Answer<DataAccessException> {
        OfDataAccess(IngestConfiguration configuration) {
            super(configuration);
        }
    }
}
