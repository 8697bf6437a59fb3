package dev.aispend.policy.verification;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.policy.decision.GamificationDecisions;

import java.util.HashMap;
import java.util.Map;

/**
 * Flag clearings in a verification: a clearing is a reviewer's act, not derived from the ledger, so it cannot be
 * derived again; it is valid when the flag it names was recorded before it (a clearing of a flag the ledger never
 * held, or one recorded before its flag, shows as recorded but not re-derived).
 */
final class FlagClearings {
    /** What one recorded decision is to the clearings. */
    enum Read {
        /** Not a clearing in the range: compared as its kind says, if at all. */
        OTHER,
        /** A clearing in the range of a flag recorded before it: valid, so "re-derived" as itself. */
        VALID,
        /** A clearing in the range of a flag the ledger did not hold before it: recorded, not re-derived. */
        INVALID
    }

    private final Map<String, Long> flagPositions = new HashMap<>();

    /** Reads one recorded decision in ledger order. */
    Read read(PolicyDecision decision, long position, boolean inRange) {
        if (GamificationDecisions.ANOMALY_FLAGGED.equals(decision.kind())) {
            flagPositions.putIfAbsent(decision.decisionId(), position);
            return Read.OTHER;
        }
        if (!GamificationDecisions.ANOMALY_CLEARED.equals(decision.kind()) || !inRange) {
            return Read.OTHER;
        }
        Object flagId = decision.evidence() == null ? null : decision.evidence().get("flagDecisionId");
        Long flagPosition = flagId == null ? null : flagPositions.get(flagId.toString());
        return flagPosition != null && flagPosition < position ? Read.VALID : Read.INVALID;
    }
}
