package dev.aispend.ingest.directory;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a directory write did: {@code entries} taken, {@code aliases} their distinct alias rows (each entry's
 * aliases and its person key), of which {@code recorded} are new and {@code unchanged} were already recorded
 * exactly so. Every one of them has its {@code IdentityLinked} link acknowledged by Kafka.
 */
@Serdeable
public record DirectoryRecorded(int entries, int aliases, int recorded, int unchanged) {
}
