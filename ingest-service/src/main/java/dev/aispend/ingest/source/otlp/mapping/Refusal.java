package dev.aispend.ingest.source.otlp.mapping;

/**
 * One data point, log record or span that cannot be taken as sent (a fractional token count, no model): the
 * mappers catch it per item, so one bad item is reported in {@code partialSuccess} and the others go on.
 */
final class Refusal extends RuntimeException {

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
