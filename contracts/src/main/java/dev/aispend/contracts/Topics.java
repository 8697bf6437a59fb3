package dev.aispend.contracts;

/** Kafka topic names. The suffix is the schema version of the records the topic carries. */
public final class Topics {
    /** {@link dev.aispend.contracts.usage.UsageRecord}, keyed by team, published by ingest-service. */
    public static final String USAGE_V1 = "usage.v1";
    /** {@link dev.aispend.contracts.outcome.OutcomeRecord}, keyed by team, published by ingest-service. */
    public static final String OUTCOMES_V1 = "outcomes.v1";
    /**
     * {@link dev.aispend.contracts.identity.IdentityMessage}s, published by ingest-service: directory links keyed by
     * alias ref, re-identifications keyed by person ref; the record is named by a header.
     */
    public static final String IDENTITY_V1 = "identity.v1";
    /** {@link dev.aispend.contracts.policy.PolicyChangeRequest}, keyed by policy id, published by policy-service. */
    public static final String POLICY_CHANGES_V1 = "policy-changes.v1";
    /** {@link dev.aispend.contracts.policy.PolicyDecision}, keyed by subject, published by policy-service. */
    public static final String DECISIONS_V1 = "decisions.v1";
    /**
     * {@link dev.aispend.contracts.ledger.LedgerEnvelope}, one partition: the ledger's total order, every entry
     * sealed. Retention is unlimited on the topic itself.
     */
    public static final String LEDGER_V1 = "ledger.v1";
    /** {@link dev.aispend.contracts.ledger.LedgerEnvelope}s re-published on request, for rebuilds; one partition. */
    public static final String LEDGER_REPLAY_V1 = "ledger-replay.v1";
    /**
     * {@link dev.aispend.contracts.security.ApiKeyState}, keyed by key id, published by ingest-service; compacted,
     * one partition: the last state of every API key, which every service reads whole at start (docs/security.md).
     */
    public static final String API_KEYS_V1 = "api-keys.v1";

    private Topics() {
    }
}
