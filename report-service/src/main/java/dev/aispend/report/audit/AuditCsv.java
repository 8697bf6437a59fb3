package dev.aispend.report.audit;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit lists as CSV, the same rows as the JSON page: JSON values (diffs, content, evidence) as compact JSON
 * in one cell; decision inputs as {@code position:name=amount} joined with '|'.
 */
final class AuditCsv {
    private static final List<String> CHANGES = List.of("ledgerPosition", "outcome", "kind", "policyId", "version",
            "expectedVersion", "currentVersion", "actor", "requestId", "effectiveFrom", "occurredAt", "reason", "diff",
            "content", "asOfLedgerPosition");
    private static final List<String> DECISIONS = List.of("ledgerPosition", "decisionId", "kind", "subject",
            "policyId", "policyVersion", "result", "reason", "decidedAt", "triggerPosition", "inputs", "evidence",
            "asOfLedgerPosition");

    private AuditCsv() {
    }

    static CsvTable changes(PolicyChangeReport report, RecordedJson json) {
        List<List<Object>> rows = new ArrayList<>();
        for (PolicyChangeReport.Change change : report.changes()) {
            rows.add(Arrays.asList(change.ledgerPosition(), change.outcome(), change.kind(), change.policyId(),
                    change.version(), change.expectedVersion(), change.currentVersion(), change.actor(),
                    change.requestId(), change.effectiveFrom(), change.occurredAt(), change.reason(),
                    json.write(change.diff()), json.write(change.content()), report.asOf().ledgerPosition()));
        }
        return new CsvTable(CHANGES, rows);
    }

    static CsvTable decisions(DecisionReport report, RecordedJson json) {
        List<List<Object>> rows = new ArrayList<>();
        for (DecisionReport.Decision decision : report.decisions()) {
            String inputs = decision.inputs().stream().map(input -> input.ledgerPosition() + ":" + input.name() + "="
                    + input.amount()).collect(Collectors.joining("|"));
            rows.add(Arrays.asList(decision.ledgerPosition(), decision.decisionId(), decision.kind(),
                    decision.subject(), decision.policyId(), decision.policyVersion(), decision.result(),
                    decision.reason(), decision.decidedAt(), decision.triggerPosition(), inputs,
                    json.write(decision.evidence()), report.asOf().ledgerPosition()));
        }
        return new CsvTable(DECISIONS, rows);
    }
}
