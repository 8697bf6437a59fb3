package dev.aispend.report.audit;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.InvalidReportRequestException;
import dev.aispend.report.web.ReportFormats;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Set;

/**
 * {@code GET /v1/reports/audit/policy-changes} and {@code GET /v1/reports/audit/decisions}: the recorded policy
 * history and decisions, in ledger order, paged, as of any position.
 */
@Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class AuditController {
    private final ReportReads reads;
    private final PolicyChangeReads changes;
    private final DecisionReads decisions;
    private final RecordedJson json;
    private final ReportPrivacy privacy;
    private final int maxPageSize;

    AuditController(ReportReads reads, PolicyChangeReads changes, DecisionReads decisions, RecordedJson json,
                    ReportPrivacy privacy, @Value("${report.max-page-size:1000}") int maxPageSize) {
        this.reads = reads;
        this.changes = changes;
        this.decisions = decisions;
        this.json = json;
        this.privacy = privacy;
        this.maxPageSize = maxPageSize;
    }

    @Get(value = "/policy-changes", produces = {"application/json", "text/csv"})
    @Operation(summary = "Policy change history: every version (actor, diff, effective from) and every refused "
            + "change, in ledger order", description = "docs/reports-budgets-audit.md#policy-changes")
    @ApiResponse(responseCode = "200", description = "one page as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyChangeReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "a bad parameter, named in errors[].field")
    @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "RATE_CARD, BUDGET, PHASE, BADGE_RULE or ANOMALY_RULE")
    @Parameter(name = "policyId", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "first UTC day of the change, 2026-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "last UTC day, included")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"),
            description = "rows per page, 1..report.max-page-size (default 100)")
    @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = "integer"),
            description = "rows to skip (default 0)")
    HttpResponse<?> policyChanges(HttpRequest<?> request,
                                  @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                                  @QueryValue String asOf,
                                  @Parameter(description = "json (default) or csv; or send Accept: text/csv")
                                  @Nullable @QueryValue String format) {
        AuditFilter filter = AuditFilter.parse(request.getParameters(), Set.of("kind", "policyId"), maxPageSize);
        String kind = filter.equal().get("kind");
        if (kind != null && Arrays.stream(PolicyKind.values()).noneMatch(known -> known.name().equals(kind))) {
            throw InvalidReportRequestException.of("kind", "must be one of " + Arrays.toString(PolicyKind.values()));
        }
        ReportFormats.wantsCsv(request, format);
        AsOf at = AsOf.parse(asOf);
        PolicyChangeReport report = reads.read(at, snapshot -> changes.page(snapshot, filter));
        return ReportFormats.respond(request, format, "policy-changes", report,
                page -> AuditCsv.changes(page, json));
    }

    @Get(value = "/decisions", produces = {"application/json", "text/csv"})
    @Operation(summary = "Decisions with their policy version, inputs and evidence, in ledger order",
            description = "docs/reports-budgets-audit.md#decisions. Person refs are hidden from callers who may "
                    + "not see people.")
    @ApiResponse(responseCode = "200", description = "one page as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "a bad parameter, named in errors[].field")
    @ApiResponse(responseCode = "403", description = "subject names a person and the caller may not see people")
    @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "BUDGET_THRESHOLD_CROSSED, BUDGET_EXHAUSTED, BUDGET_FORECAST_EXHAUSTION, "
                    + "BUDGET_PERIOD_RESET, CHECK, PHASE_CHANGED, BADGE_AWARDED, ANOMALY_FLAGGED, ANOMALY_CLEARED")
    @Parameter(name = "subject", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "what the decision is about, exactly: budget:<id>/<periodKey>, check:<checkId>, ...")
    @Parameter(name = "policyId", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "first UTC day decided, 2026-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "last UTC day, included")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"),
            description = "rows per page, 1..report.max-page-size (default 100)")
    @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = "integer"),
            description = "rows to skip (default 0)")
    HttpResponse<?> decisions(HttpRequest<?> request,
                              @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                              @QueryValue String asOf,
                              @Parameter(description = "json (default) or csv; or send Accept: text/csv")
                              @Nullable @QueryValue String format) {
        AuditFilter filter = AuditFilter.parse(request.getParameters(), Set.of("kind", "subject", "policyId"),
                maxPageSize);
        if (PersonRefs.mentionsPerson(filter.equal().get("subject"))) {
            privacy.requirePeopleVisible("subject");
        }
        ReportFormats.wantsCsv(request, format);
        AsOf at = AsOf.parse(asOf);
        DecisionReport report = reads.read(at, snapshot -> decisions.page(snapshot, filter));
        return ReportFormats.respond(request, format, "decisions", report, page -> AuditCsv.decisions(page, json));
    }
}
