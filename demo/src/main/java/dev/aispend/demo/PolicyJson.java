package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Budgets and phases as policy-service's API takes them (docs/policy.md, docs/gamification.md). */
final class PolicyJson {
    private PolicyJson() {
    }

    static byte[] budget(BudgetPlan budget) {
        ObjectNode root = Json.object().put("id", budget.id()).put("name", budget.name());
        ObjectNode scope = root.putObject("scope");
        if (!budget.organizationWide()) {
            scope.put("team", budget.team());
        }
        root.putObject("period").put("unit", "MONTH").put("timeZone", "UTC");
        root.put("amountUsdMicros", budget.amountUsdMicros());
        ArrayNode thresholds = root.putArray("softThresholdsPercent");
        budget.softThresholdsPercent().forEach(thresholds::add);
        return Json.bytes(root.put("hardCap", budget.hardCap()).put("forecastAlert", true));
    }

    static byte[] phase(PhasePlan phase) {
        return Json.bytes(Json.object().put("id", phase.id()).put("team", phase.team()).put("phase", phase.phase()));
    }
}
