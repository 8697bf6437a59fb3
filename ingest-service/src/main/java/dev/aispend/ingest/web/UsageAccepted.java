package dev.aispend.ingest.web;

import io.micronaut.serde.annotation.Serdeable;

/** 202 body: the record is durably in Kafka and will be recorded by the ledger exactly once. */
@Serdeable
public record UsageAccepted(String id, String status) {
}
