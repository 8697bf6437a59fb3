package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.Pseudonymizer;

import dev.aispend.ingest.IngestConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The directory's pure parts, wired: its rules (with ingest's time bounds), its links (with the pseudonymizer) and
 * its cipher (with DIRECTORY_ENCRYPTION_KEY).
 */
@Factory
final class DirectoryFactory {

    @Singleton
    DirectoryLinks directoryLinks(Pseudonymizer pseudonymizer) {
        return new DirectoryLinks(pseudonymizer);
    }

    /** Fails start-up without a key: the directory would have to keep personal data in plaintext. */
    @Singleton
    DirectoryCipher directoryCipher(IngestConfiguration ingest) {
        return new DirectoryCipher(ingest.directoryEncryptionKey());
    }

    @Singleton
    DirectoryRules directoryRules(IngestConfiguration ingest, DirectoryConfiguration directory, Clock clock) {
        return new DirectoryRules(ingest.maxClockSkew(), ingest.maxBackfillAge(), directory, clock);
    }
}
