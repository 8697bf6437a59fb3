package dev.aispend.contracts.usage;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One client-reported use of a model, as ingest-service hands it to the ledger on {@code usage.v1}.
 *
 * <p>{@code usageRecordId} is the client's idempotency key: the ledger records each id once.
 * {@code personRef} is a keyed HMAC of the person's identity, never an email or a name (invariant 6).
 * Schema version 1; fields after {@code tokens} were added as optional (null when a client does not send them)
 * so messages written by the foundation still decode. Add fields only as optional, rename never.
 *
 * @param reportedCostUsdMicros the cost the client or provider reported, kept beside the ledger's own price
 * @param accounting            SPEND (also when null, as the foundation sent it) or EVIDENCE: recorded for
 *                              reconciliation, never added to spend ({@link UsageAccounting})
 * @param attributes            a bounded map of a client's extra attributes (ingest limits count and sizes);
 *                              null or empty when none, kept sorted by key
 */
@Serdeable
public record UsageRecord(
        String usageRecordId,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens,
        @Nullable String provider,
        @Nullable String costCenter,
        @Nullable String purpose,
        @Nullable String sessionId,
        @Nullable String requestId,
        @Nullable Long reportedCostUsdMicros,
        @Nullable UsageAccounting accounting,
        @Nullable Map<String, String> attributes) {

    @Creator
    public UsageRecord {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokens, "tokens");
        if (reportedCostUsdMicros != null && reportedCostUsdMicros < 0) {
            throw new IllegalArgumentException("reportedCostUsdMicros must not be negative");
        }
        attributes = attributes == null || attributes.isEmpty() ? null
                : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** The shape of the ledger issue's records: no accounting (so SPEND) and no extra attributes. */
    public UsageRecord(String usageRecordId, Instant occurredAt, Instant receivedAt, String source, String team,
                       String personRef, String model, TokenCounts tokens, @Nullable String provider,
                       @Nullable String costCenter, @Nullable String purpose, @Nullable String sessionId,
                       @Nullable String requestId, @Nullable Long reportedCostUsdMicros) {
        this(usageRecordId, occurredAt, receivedAt, source, team, personRef, model, tokens, provider, costCenter,
                purpose, sessionId, requestId, reportedCostUsdMicros, null, null);
    }

    /** True unless the record is reconciliation evidence only. */
    public boolean countsAsSpend() {
        return accounting != UsageAccounting.EVIDENCE;
    }

    /** The foundation's shape: no provider, cost center, purpose, session, request or reported cost. */
    public static UsageRecord basic(String usageRecordId, Instant occurredAt, Instant receivedAt, String source,
                                    String team, String personRef, String model, TokenCounts tokens) {
        return new UsageRecord(usageRecordId, occurredAt, receivedAt, source, team, personRef, model, tokens,
                null, null, null, null, null, null, null, null);
    }
}
