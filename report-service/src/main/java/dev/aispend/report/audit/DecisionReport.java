package dev.aispend.report.audit;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decisions the ledger recorded as of one position (budget, check and gamification), in ledger order, one
 * page at a time, each with the policy version that decided, its inputs and evidence
 * (docs/reports-budgets-audit.md#decisions).
 *
 * @param peopleHidden whether person refs in ids, subjects, reasons, inputs and evidence were replaced by "hidden"
 *                     (the caller may not see people); a hidden decision id no longer names the recorded one
 */
@Serdeable
public record DecisionReport(ReportAsOf asOf, Map<String, String> filters, AuditPage.Paging page,
                             boolean peopleHidden, List<Decision> decisions) {

    /**
     * One recorded decision. {@code triggerPosition}: the ledger entry whose application produced it (null for a
     * decision an outside request caused, such as a check); {@code ledgerPosition}: where the ledger recorded it.
     */
    @Serdeable
    public record Decision(long ledgerPosition, String decisionId, String kind, String subject, String policyId,
                           long policyVersion, String result, String reason, Instant decidedAt,
                           @Nullable Long triggerPosition, List<Input> inputs, @Nullable Object evidence) {
    }

    /** A ledger entry the decision was derived from: its position, what was read there, and the amount. */
    @Serdeable
    public record Input(long ledgerPosition, String name, long amount) {
    }
}
