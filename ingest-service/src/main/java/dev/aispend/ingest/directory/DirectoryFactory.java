package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.Pseudonymizer;

import dev.aispend.ingest.IngestConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The directory's pure parts, wired: its rules (with ingest's time bounds) and its links (with the pseudonymizer). */
@Factory
final class DirectoryFactory {

    @Singleton
    DirectoryLinks directoryLinks(Pseudonymizer pseudonymizer) {
        return new DirectoryLinks(pseudonymizer);
    }

    @Singleton
    DirectoryRules directoryRules(IngestConfiguration ingest, DirectoryConfiguration directory, Clock clock) {
        return new DirectoryRules(ingest.maxClockSkew(), ingest.maxBackfillAge(), directory, clock);
    }
}
