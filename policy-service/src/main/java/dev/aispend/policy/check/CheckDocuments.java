package dev.aispend.policy.check;

import java.util.Objects;

/**
 * What a check's transaction stores besides its reservation: the response (repeated for a retried checkId) and the
 * check decision for decisions.v1 (PolicyDecision JSON, keyed by subject).
 */
public record CheckDocuments(String responseJson, String decisionId, String subject, String decisionJson) {
    public CheckDocuments {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(decisionJson, "decisionJson");
    }
}
