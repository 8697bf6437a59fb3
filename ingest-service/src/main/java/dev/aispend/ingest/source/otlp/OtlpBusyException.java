package dev.aispend.ingest.source.otlp;

import java.time.Duration;

/** An export did not get its turn within the wait ({@link ExportTurns}): 503 with Retry-After, nothing read. */
public final class OtlpBusyException extends RuntimeException {

    OtlpBusyException(Duration waited) {
        super("every turn to read an OTLP export stayed taken for " + waited.toSeconds() + " s");
    }
}
