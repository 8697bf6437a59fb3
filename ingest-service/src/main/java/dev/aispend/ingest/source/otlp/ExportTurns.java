package dev.aispend.ingest.source.otlp;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns for OTLP exports: at most {@code ingest.otlp.max-concurrent-exports} are parsed, mapped and published at
 * once; the others wait (first come, first served) holding only their bytes, up to {@code ingest.otlp.export-wait},
 * then are answered 503 with Retry-After ({@link OtlpBusyException}) and the exporter retries. Why: an export of a
 * few hundred kilobytes becomes tens of megabytes of JSON trees, protobuf messages and records while it is read;
 * with the demo load's 16 exports in flight ingest's heap filled with them and its collector paused it for a third
 * of the time (docs/performance.md). Two turns keep both cores busy with a bounded heap.
 */
@Singleton
final class ExportTurns {
    private final Semaphore turns;
    private final Duration wait;

    ExportTurns(OtlpConfiguration configuration) {
        this.turns = new Semaphore(configuration.maxConcurrentExports(), true);
        this.wait = configuration.exportWait();
    }

    <T> T take(Supplier<T> export) {
        try {
            if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new OtlpBusyException(wait);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OtlpBusyException(wait);
        }
        try {
            return export.get();
        } finally {
            turns.release();
        }
    }
}
