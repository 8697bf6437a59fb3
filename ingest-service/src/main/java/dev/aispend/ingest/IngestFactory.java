package dev.aispend.ingest;

import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.usage.UsageSubmissionParser;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
final class IngestFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails start-up without a key: running with a made-up default would leak stable, guessable refs. */
    @Singleton
    Pseudonymizer pseudonymizer(IngestConfiguration configuration) {
        return new Pseudonymizer(configuration.pseudonymKey());
    }

    @Singleton
    UsageSubmissionParser usageSubmissionParser(IngestConfiguration configuration, Clock clock) {
        return new UsageSubmissionParser(configuration.maxTokensPerRecord(), configuration.maxClockSkew(),
                configuration.maxRecordAge(), configuration.maxBatchRecords(), clock);
    }
}
