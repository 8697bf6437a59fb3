package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.usage.UsageAccounting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One row of {@code outcome_line}. An outcome counts {@code count} (one when absent); one recorded as EVIDENCE
 * (the same work already counted from another source) is kept apart and never added to the outcome counts.
 */
record OutcomeLine(long position, long originPosition, String lineKind, Instant occurredAt, Attribution attribution,
                   String kind, String source, String aiAssistance, long outcomes, long additions, long deletions) {

    static final String OUTCOME = "OUTCOME";
    static final String EVIDENCE = "EVIDENCE";

    static OutcomeLine recorded(long position, OutcomeRecorded outcome, Attribution attribution) {
        boolean evidence = outcome.accounting() == UsageAccounting.EVIDENCE;
        return new OutcomeLine(position, position, evidence ? EVIDENCE : OUTCOME, outcome.occurredAt(),
                attribution, outcome.kind(), outcome.source(), outcome.aiAssistance().assisted() ? "ASSISTED" : "NONE",
                outcome.count() == null ? 1 : outcome.count(),
                outcome.additions() == null ? 0 : outcome.additions(),
                outcome.deletions() == null ? 0 : outcome.deletions());
    }

    boolean counts() {
        return !EVIDENCE.equals(lineKind);
    }

    LocalDate day() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }

    OutcomeLine moved(long entryPosition, String kind, Attribution to, long sign) {
        return new OutcomeLine(entryPosition, originPosition, kind, occurredAt, to, this.kind, source, aiAssistance,
                Math.multiplyExact(outcomes, sign), Math.multiplyExact(additions, sign),
                Math.multiplyExact(deletions, sign));
    }
}
