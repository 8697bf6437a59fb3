package dev.aispend.ingest.acceptance;

/**
 * Kafka did not acknowledge every record within the bounded wait. Answered 503 with {@code Retry-After}; the
 * client resends with the same ids, and the ledger records each id once.
 */
public final class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String what, Throwable cause) {
        super(what + " not acknowledged by Kafka", cause);
    }
}
