package dev.aispend.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The api_request log events of the Claude Code users who export logs too: two calls per session-hour whose
 * tokens add up to the hour's metric deltas. The metrics count; these are recorded as reconciliation evidence.
 */
final class ClaudeCodeEvents {
    private ClaudeCodeEvents() {
    }

    static List<Delivery> deliveries(List<Use> uses, String day) {
        List<Use> calls = new ArrayList<>();
        List<Tokens> tokens = new ArrayList<>();
        for (Use use : uses) {
            if (use.person().client() == Client.CLAUDE_CODE && use.person().exportsLogs()) {
                Tokens first = use.tokens().half();
                calls.add(use);
                tokens.add(first);
                calls.add(use);
                tokens.add(use.tokens().minus(first));
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int first = 0; first < calls.size(); first += DemoPlan.EVENTS_PER_LOGS_EXPORT) {
            int last = Math.min(calls.size(), first + DemoPlan.EVENTS_PER_LOGS_EXPORT);
            deliveries.add(new OtlpLogsDelivery("otlp logs " + (first / DemoPlan.EVENTS_PER_LOGS_EXPORT + 1) + " of "
                    + day, OtlpJson.logs(calls.subList(first, last), tokens.subList(first, last))));
        }
        return deliveries;
    }
}
