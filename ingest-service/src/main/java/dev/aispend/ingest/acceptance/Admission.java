package dev.aispend.ingest.acceptance;

/** What the acceptance path does with a request in which some submissions break a rule. */
public enum Admission {
    /** Refuse the whole request, naming every bad field, and publish nothing (our API, imports, callbacks). */
    ALL_OR_NOTHING,
    /**
     * Publish the good submissions and report the others (OTLP, whose exporters expect {@code partialSuccess}
     * and never resend a rejected point).
     */
    PARTIAL
}
