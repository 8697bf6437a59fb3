package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.SealedRows;
import dev.aispend.ingest.identity.Directory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The directory usage resolution reads, with its cache and the cache's meters. */
@Factory
final class DirectoryCacheFactory {

    @Singleton
    DirectoryCache directoryCache(DirectoryCacheConfiguration configuration) {
        return DirectoryCache.of(configuration);
    }

    @Singleton
    DirectoryCacheMetrics directoryCacheMetrics(MeterRegistry meters, DirectoryCache cache) {
        return new DirectoryCacheMetrics(meters, cache);
    }

    @Singleton
    Directory directory(DirectoryCache cache, DirectoryDatabase database, SealedRows sealed,
                        DirectoryCacheMetrics metrics) {
        return new CachingDirectory(cache, database, sealed, metrics);
    }
}
