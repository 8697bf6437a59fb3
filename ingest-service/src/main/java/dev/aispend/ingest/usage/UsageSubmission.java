package dev.aispend.ingest.usage;

import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;

/** A usage record as a client submitted it to {@code POST /v1/usage}, after validation. */
public record UsageSubmission(String id, Instant occurredAt, String team, String person, String model,
                              TokenCounts tokens) {
}
