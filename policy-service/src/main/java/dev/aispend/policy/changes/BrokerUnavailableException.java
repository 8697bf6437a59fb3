package dev.aispend.policy.changes;

/** The broker did not take a policy change request in time: nothing was sent, the caller may retry. */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
