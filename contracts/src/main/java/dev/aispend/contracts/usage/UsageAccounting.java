package dev.aispend.contracts.usage;

/**
 * Whether a usage record counts as spend or is kept as reconciliation evidence only. The same calls can reach
 * the ledger from an agent's telemetry, a gateway and the provider's own report; per provider or team, one
 * configured source of truth counts (ingest decides, by configuration, and says so on the record), the others
 * are recorded beside it and never added (docs/sources-of-truth.md).
 */
public enum UsageAccounting {
    /** Counts as spend: budgets, reports and the CFO's totals add it. */
    SPEND,
    /** Recorded for reconciliation only: shown beside the spend it describes, never added to it. */
    EVIDENCE
}
