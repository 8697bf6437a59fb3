package dev.aispend.contracts.ledger;

import java.time.Instant;

/**
 * The payload of a ledger entry: one record per event type, each with a schema version
 * ({@link LedgerEventType}). A payload is stored as JSON and that exact JSON is what the entry hash covers
 * (docs/ledger-format.md), so a payload's fields are never renamed: a change of shape is a new schema version.
 */
public sealed interface LedgerPayload permits SpendRecorded, OutcomeRecorded, PolicyChanged, PolicyChangeRejected,
        PolicyDecisionRecorded, IdentityLinked, SpendRepriced, UsageConflictFlagged, LegacyUsageRecorded,
        UsageEvidenceRecorded, PersonReidentified, ReplayRequested {

    /** When what the entry records happened (not when the ledger recorded it). */
    Instant occurredAt();
}
