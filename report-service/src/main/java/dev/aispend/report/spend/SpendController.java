package dev.aispend.report.spend;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.ReportFormats;
import dev.aispend.report.web.ReportPrivacy;
import dev.aispend.report.web.ReportQuery;
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

/**
 * {@code GET /v1/reports/spend?from=&to=[&period=day|week|month][&groupBy=team,model,...][&team=...][&asOf=]
 * [&format=csv]}: spend by period and any of team, costCenter, personRef, model, provider, purpose, source.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class SpendController {
    private final ReportReads reads;
    private final SpendReports reports;
    private final ReportPrivacy privacy;
    private final int maxRangeDays;

    SpendController(ReportReads reads, SpendReports reports, ReportPrivacy privacy,
                    @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.reports = reports;
        this.privacy = privacy;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/spend", produces = {"application/json", "text/csv"})
    @Operation(summary = "Spend by period and attribute: tokens by type, cost, unpriced spend, reconciliation with "
            + "reported costs", description = "docs/reports.md#spend. Money in integer USD micros.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = SpendReport.class)),
        @Content(mediaType = "text/csv")})
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "first UTC day, 2026-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "last UTC day, included")
    @Parameter(name = "period", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "day, week or month: a row per period")
    @Parameter(name = "groupBy", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "comma-separated: team, costCenter, personRef, model, provider, purpose, source "
                    + "(default team)")
    @Parameter(name = "team", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "only this team (likewise costCenter, personRef, model, provider, purpose, source)")
    HttpResponse<?> spend(HttpRequest<?> request,
                          @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                          @QueryValue String asOf,
                          @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
                          @QueryValue String format) {
        ReportQuery query = ReportQuery.parse(request, CubeTable.SPEND.dimensions(), maxRangeDays, "team");
        if (query.personLevel()) {
            privacy.requirePeopleVisible(query.groupBy().contains(Dimension.PERSON) ? "groupBy" : "personRef");
        }
        AsOf at = AsOf.parse(asOf);
        SpendReport report = reads.read(at, snapshot -> reports.build(snapshot, query));
        return ReportFormats.respond(request, format, "spend", report, SpendCsv::of);
    }
}
