package dev.aispend.report.audit;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The policy change history as of one ledger position: every version recorded and every change refused, in
 * ledger order, one page at a time (docs/reports-budgets-audit.md#policy-changes).
 *
 * @param peopleHidden whether person refs in diffs and content were replaced by "hidden"
 */
@Serdeable
public record PolicyChangeReport(ReportAsOf asOf, Map<String, String> filters, AuditPage.Paging page,
                                 boolean peopleHidden, List<Change> changes) {

    /**
     * One attempt to change a policy. {@code outcome} RECORDED: a new {@code version} with its {@code diff} from
     * the one before (one {field, before, after} per top-level field) in force from {@code effectiveFrom}.
     * REJECTED: the {@code reason} (VERSION_CONFLICT, KIND_MISMATCH, INVALID_CONTENT...), the version the request
     * expected and the one that was current, and the {@code content} it asked for.
     */
    @Serdeable
    public record Change(long ledgerPosition, String outcome, String kind, String policyId,
                         @Nullable Long version, @Nullable Long expectedVersion, @Nullable Long currentVersion,
                         String actor, String requestId, @Nullable Instant effectiveFrom, Instant occurredAt,
                         @Nullable String reason, @Nullable Object diff, @Nullable Object content) {
    }
}
