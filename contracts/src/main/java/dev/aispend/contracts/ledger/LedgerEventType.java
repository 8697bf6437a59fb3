package dev.aispend.contracts.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every ledger event type with its schema version and payload record. {@code typeName} and
 * {@code schemaVersion} are what the ledger stores and publishes for an entry, and both are covered by the entry
 * hash (docs/ledger-format.md). The two foundation types keep the names they were stored under: recorded
 * entries are never rewritten, so their names are part of the history.
 */
public enum LedgerEventType {
    SPEND_RECORDED("SpendRecorded", 1, SpendRecorded.class),
    OUTCOME_RECORDED("OutcomeRecorded", 1, OutcomeRecorded.class),
    POLICY_CHANGED("PolicyChanged", 1, PolicyChanged.class),
    POLICY_CHANGE_REJECTED("PolicyChangeRejected", 1, PolicyChangeRejected.class),
    POLICY_DECISION_RECORDED("PolicyDecisionRecorded", 1, PolicyDecisionRecorded.class),
    IDENTITY_LINKED("IdentityLinked", 1, IdentityLinked.class),
    SPEND_REPRICED("SpendRepriced", 1, SpendRepriced.class),
    USAGE_CONFLICT_FLAGGED("UsageConflictFlagged", 1, UsageConflictFlagged.class),
    USAGE_EVIDENCE_RECORDED("UsageEvidenceRecorded", 1, UsageEvidenceRecorded.class),
    PERSON_REIDENTIFIED("PersonReidentified", 1, PersonReidentified.class),
    REPLAY_REQUESTED("ReplayRequested", 1, ReplayRequested.class),
    /** The foundation's usage event: read as unpriced spend ({@link LegacyUsageRecorded#toSpendRecorded()}). */
    LEGACY_USAGE_RECORDED("dev.aispend.ledger.api.UsageRecordedEvent", 1, LegacyUsageRecorded.class),
    /** The foundation's conflict event: the same fields as {@link UsageConflictFlagged} version 1. */
    LEGACY_USAGE_CONFLICT_FLAGGED("dev.aispend.ledger.api.UsageConflictFlaggedEvent", 1, UsageConflictFlagged.class);

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends LedgerPayload> payloadClass;

    LedgerEventType(String typeName, int schemaVersion, Class<? extends LedgerPayload> payloadClass) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends LedgerPayload> payloadClass() {
        return payloadClass;
    }

    public static Optional<LedgerEventType> of(String typeName, int schemaVersion) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName) && type.schemaVersion == schemaVersion)
                .findFirst();
    }

    /** The type the ledger writes new payloads of this class as (never a legacy one). */
    public static Optional<LedgerEventType> forNewPayload(Class<?> payloadClass) {
        return Arrays.stream(values())
                .filter(type -> !type.typeName.contains(".") && type.payloadClass.equals(payloadClass))
                .findFirst();
    }
}
