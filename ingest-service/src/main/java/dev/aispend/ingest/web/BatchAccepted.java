package dev.aispend.ingest.web;

import io.micronaut.serde.annotation.Serdeable;

/** 202 body of a batch: every record is durably in Kafka and will be recorded by the ledger exactly once. */
@Serdeable
public record BatchAccepted(int accepted, String status) {
}
