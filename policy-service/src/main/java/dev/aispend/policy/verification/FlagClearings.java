package dev.aispend.policy.verification;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.policy.decision.GamificationDecisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flag clearings in a verification: a clearing is a reviewer's act, not derived from the ledger, so it cannot be
 * derived again; it is valid when the flag it names was recorded before it (a clearing of a flag the ledger never
 * held, or one recorded before its flag, shows as recorded but not re-derived).
 */
final class FlagClearings {
    private final Map<String, Long> flagPositions = new HashMap<>();
    private final List<PolicyDecision> valid = new ArrayList<>();

    /** Reads one recorded decision in ledger order; true when it is a clearing to compare (in the range). */
    boolean read(PolicyDecision decision, long position, boolean inRange) {
        if (GamificationDecisions.ANOMALY_FLAGGED.equals(decision.kind())) {
            flagPositions.putIfAbsent(decision.decisionId(), position);
            return false;
        }
        if (!GamificationDecisions.ANOMALY_CLEARED.equals(decision.kind()) || !inRange) {
            return false;
        }
        Object flagId = decision.evidence() == null ? null : decision.evidence().get("flagDecisionId");
        Long flagPosition = flagId == null ? null : flagPositions.get(flagId.toString());
        if (flagPosition != null && flagPosition < position) {
            valid.add(decision);
        }
        return true;
    }

    List<PolicyDecision> valid() {
        return valid;
    }
}
