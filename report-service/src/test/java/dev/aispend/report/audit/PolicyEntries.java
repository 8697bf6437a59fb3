package dev.aispend.report.audit;

import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy entries for the report ITs, shaped as the ledger records them: versions, refusals and decisions (their
 * ids, subjects and evidence as policy-service writes them, docs/policy.md). Only what a test is about is a
 * parameter; hashes and request ids are fixed or derived.
 */
public final class PolicyEntries {
    private PolicyEntries() {
    }

    public static PolicyChanged version(String policyId, PolicyKind kind, long version, String actor,
                                        Map<String, Object> content, List<PolicyChanged.ContentChange> diff,
                                        Instant occurredAt) {
        return new PolicyChanged("req-" + policyId + "-v" + version, policyId, kind, version, actor, content, diff,
                occurredAt, occurredAt, "a".repeat(64));
    }

    /** A budget version whose diff lists every field as added (a first version) or none. */
    public static PolicyChanged budget(String budgetId, long version, Map<String, Object> content, Instant at) {
        List<PolicyChanged.ContentChange> diff = version == 1 ? content.entrySet().stream()
                .map(field -> new PolicyChanged.ContentChange(field.getKey(), null, field.getValue())).toList()
                : List.of();
        return version(budgetId, PolicyKind.BUDGET, version, "policy-owner", content, diff, at);
    }

    public static Map<String, Object> budgetContent(String name, Map<String, Object> scope, String unit,
                                                    String zone, long amount, List<Integer> thresholds,
                                                    boolean forecastAlert, boolean active) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("scope", scope);
        content.put("period", Map.of("unit", unit, "timeZone", zone));
        content.put("amountUsdMicros", amount);
        content.put("softThresholdsPercent", thresholds);
        content.put("hardCap", true);
        content.put("forecastAlert", forecastAlert);
        content.put("active", active);
        return content;
    }

    public static PolicyChangeRejected rejection(String policyId, PolicyKind kind, long expected, long current,
                                                 String reason, Map<String, Object> content, Instant at) {
        return new PolicyChangeRejected("req-" + policyId + "-rejected-" + expected, policyId, kind, expected,
                current, "policy-owner", content, at, reason, at, "b".repeat(64));
    }

    /** A budget decision as BudgetDecisions writes it; {@code extra} adds the kind's own evidence. */
    public static PolicyDecisionRecorded budgetDecision(String kind, String result, String budgetId, long version,
                                                        String periodKey, Integer percent, long trigger,
                                                        long spent, Instant decidedAt, Map<String, Object> extra) {
        String id = kind + ":" + budgetId + ":v" + version + ":" + periodKey + (percent == null ? "" : ":" + percent)
                + "@" + trigger;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("periodKey", periodKey);
        evidence.put("amountUsdMicros", 1L);
        evidence.put("spentUsdMicros", spent);
        evidence.put("ledgerClock", decidedAt.toString());
        if (percent != null) {
            evidence.put("thresholdPercent", percent);
        }
        evidence.putAll(extra);
        return new PolicyDecisionRecorded(id, kind, "budget:" + budgetId + "/" + periodKey, budgetId, version,
                List.of(new PolicyDecision.DecisionInput(trigger, "spend", spent),
                        new PolicyDecision.DecisionInput(1, "budget:amount", 1),
                        new PolicyDecision.DecisionInput(trigger, "period:spent", spent)),
                result, "spent " + spent + " in " + periodKey, decidedAt, "c".repeat(64), trigger, evidence);
    }

    /** A CHECK decision as CheckDecisions writes it, decided by {@code budgetId} in {@code periodKey}. */
    public static PolicyDecisionRecorded check(String checkId, String result, String budgetId, long version,
                                               String periodKey, String personRef, long estimate,
                                               Instant checkedAt) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("budgetId", budgetId);
        budget.put("version", version);
        budget.put("periodKey", periodKey);
        budget.put("spentUsdMicros", 5L);
        budget.put("result", result);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("checkId", checkId);
        evidence.put("checkedAt", checkedAt.toString());
        evidence.put("request", Map.of("team", "platform", "personRef", personRef));
        evidence.put("estimatedCostUsdMicros", estimate);
        evidence.put("budgets", List.of(budget));
        return new PolicyDecisionRecorded("CHECK:" + checkId + "@" + checkedAt, "CHECK", "check:" + checkId,
                budgetId, version, List.of(new PolicyDecision.DecisionInput(3, "spent:" + budgetId, 5)), result,
                "checked for " + personRef, checkedAt, "d".repeat(64), null, evidence);
    }
}
