package dev.aispend.ingest.acceptance;

/**
 * Ingest's database could not be read or written (no connection in time, the server away, a failed statement or
 * commit). Answered 503 with {@code Retry-After} like a broker outage, never 500: an OTLP exporter retries a 503
 * but drops a 500, and nothing was committed, so the client's retry with the same ids is safe.
 */
public final class StoreUnavailableException extends RuntimeException {

    /** @param what what could not be done, without personal data (it is logged) */
    public StoreUnavailableException(String what, Throwable cause) {
        super(what, cause);
    }
}
