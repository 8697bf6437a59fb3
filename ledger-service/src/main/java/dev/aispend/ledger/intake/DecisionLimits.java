package dev.aispend.ledger.intake;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bounds of a decision the ledger records from decisions.v1. A decision is an entry kept forever and read by
 * every verifier, so its size is bounded here, explicitly, rather than by whatever a column or the broker happens
 * to allow; one out of bounds is quarantined like an undecodable message, never cut short. The bounds leave room:
 * a pre-flight check's evidence lists every budget in its scope, which is a handful, not hundreds.
 */
final class DecisionLimits {
    /** The idempotency key column (idempotency_key.key). */
    static final int MAX_DECISION_ID_LENGTH = 512;
    static final int MAX_SUBJECT_LENGTH = 512;
    /** The audit column the policy id is copied to (DomainEventEntry.policyId). */
    static final int MAX_POLICY_ID_LENGTH = 255;
    /** Kinds and results are names ("BUDGET_FORECAST_EXHAUSTION", "DENY"), not text. */
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_REASON_LENGTH = 2000;
    static final int MAX_INPUTS = 1000;
    static final int MAX_INPUT_NAME_LENGTH = 255;
    /** Evidence as compact JSON (UTF-8). */
    static final int MAX_EVIDENCE_BYTES = 64 * 1024;
    /** Nesting of objects and arrays, the evidence object itself being level 1. */
    static final int MAX_EVIDENCE_DEPTH = 8;

    private DecisionLimits() {
    }

    /** What about {@code decision} is out of bounds, one sentence per problem; empty when it is within them. */
    static List<String> problems(PolicyDecision decision, JsonMapper json) {
        List<String> problems = new ArrayList<>();
        text(problems, "decisionId", decision.decisionId(), MAX_DECISION_ID_LENGTH);
        text(problems, "kind", decision.kind(), MAX_NAME_LENGTH);
        text(problems, "subject", decision.subject(), MAX_SUBJECT_LENGTH);
        text(problems, "policyId", decision.policyId(), MAX_POLICY_ID_LENGTH);
        text(problems, "result", decision.result(), MAX_NAME_LENGTH);
        if (decision.reason().length() > MAX_REASON_LENGTH) {
            problems.add("reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (decision.policyVersion() < 0) {
            problems.add("policyVersion must not be negative");
        }
        inputs(problems, decision.inputs());
        if (decision.evidence() != null) {
            evidence(problems, decision.evidence(), json);
        }
        return problems;
    }

    private static void inputs(List<String> problems, List<PolicyDecision.DecisionInput> inputs) {
        if (inputs.size() > MAX_INPUTS) {
            problems.add("inputs must list at most " + MAX_INPUTS + " entries, had " + inputs.size());
            return;
        }
        for (int index = 0; index < inputs.size(); index++) {
            PolicyDecision.DecisionInput input = inputs.get(index);
            if (input.ledgerPosition() < 0) {
                problems.add("inputs[" + index + "].ledgerPosition must not be negative");
            }
            text(problems, "inputs[" + index + "].name", input.name(), MAX_INPUT_NAME_LENGTH);
        }
    }

    private static void evidence(List<String> problems, Map<String, Object> evidence, JsonMapper json) {
        if (depthExceeds(evidence, 1)) {
            problems.add("evidence must nest objects and arrays at most " + MAX_EVIDENCE_DEPTH + " levels deep");
            return;
        }
        try {
            int size = json.writeValueAsBytes(evidence).length;
            if (size > MAX_EVIDENCE_BYTES) {
                problems.add("evidence must be at most " + MAX_EVIDENCE_BYTES + " bytes as JSON, was " + size);
            }
        } catch (IOException | RuntimeException unwritable) {
            problems.add("evidence cannot be written as JSON: " + unwritable.getMessage());
        }
    }

    /** Stops at the first value deeper than the bound, so a deeply nested message costs no more than that. */
    private static boolean depthExceeds(Object value, int depth) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return false;
        }
        if (depth > MAX_EVIDENCE_DEPTH) {
            return true;
        }
        Iterable<?> children = value instanceof Map<?, ?> map ? map.values() : (List<?>) value;
        for (Object child : children) {
            if (depthExceeds(child, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static void text(List<String> problems, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(field + " must not be blank");
        } else if (value.length() > maxLength) {
            problems.add(field + " must be at most " + maxLength + " characters, had " + value.length());
        }
    }
}
