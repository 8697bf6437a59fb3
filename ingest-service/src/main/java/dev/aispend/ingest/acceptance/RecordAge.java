package dev.aispend.ingest.acceptance;

/**
 * How far in the past a submission's time may lie. Live clients (our API, OTLP, a gateway) report what just
 * happened, so an old time is a clock or a unit gone wrong; provider imports backfill months of history.
 * Both bounds are configured ({@code ingest.max-record-age}, {@code ingest.max-backfill-age}).
 */
public enum RecordAge {
    LIVE,
    BACKFILL
}
