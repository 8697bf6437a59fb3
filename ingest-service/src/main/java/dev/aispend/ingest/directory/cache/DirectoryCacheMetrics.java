package dev.aispend.ingest.directory.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code aispend.ingest.directory.cache}: the distinct aliases of each request resolved from the cache
 * ({@code result=hit}), read from the database and cached ({@code miss}), or asked of the database because the
 * cache could not be used ({@code bypass}: the listener not connected, or the cache turned off); and
 * {@code aispend.ingest.directory.cache.listening}, 1 while the listener hears the directory's changes.
 */
public final class DirectoryCacheMetrics {
    static final String LOOKUPS = "aispend.ingest.directory.cache";
    static final String LISTENING = "aispend.ingest.directory.cache.listening";

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    public DirectoryCacheMetrics(MeterRegistry meters, DirectoryCache cache) {
        hits = counter(meters, "hit");
        misses = counter(meters, "miss");
        bypasses = counter(meters, "bypass");
        Gauge.builder(LISTENING, cache, listened -> listened.listening() ? 1 : 0)
                .description("1 while the directory cache's listener hears the directory's changes, else 0 "
                        + "(and the cache is bypassed)")
                .register(meters);
    }

    void hits(int aliases) {
        hits.increment(aliases);
    }

    void misses(int aliases) {
        misses.increment(aliases);
    }

    void bypasses(int aliases) {
        bypasses.increment(aliases);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder(LOOKUPS).tag("result", result)
                .description("aliases resolved from the directory cache (hit), read and cached (miss), or read "
                        + "without the cache (bypass)")
                .register(meters);
    }
}
