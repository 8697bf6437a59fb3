package dev.aispend.report.efficiency;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.ReportFormats;
import dev.aispend.report.web.TeamReportRequest;
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

import java.util.List;

/**
 * {@code GET /v1/reports/efficiency?from=&to=[&period=month|week][&team=][&asOf=][&format=csv]}: merged PRs,
 * cost and tokens per merged PR by team and by usage tier.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class EfficiencyController {
    private static final List<Dimension> PERIODS = List.of(Dimension.MONTH, Dimension.WEEK);

    private final ReportReads reads;
    private final EfficiencyReports reports;
    private final int maxRangeDays;

    EfficiencyController(ReportReads reads, EfficiencyReports reports,
                         @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.reports = reports;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/efficiency", produces = {"application/json", "text/csv"})
    @Operation(summary = "Merged PRs, cost and tokens per merged PR, by team and by usage tier (quintiles of spend "
            + "per person, and the top decile)", description = "docs/reports-efficiency.md#efficiency. Money in "
            + "integer USD micros; per-PR figures rounded half up; no person refs.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = EfficiencyReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "bad parameters, each named")
    @ApiResponse(responseCode = "409", description = "asOf is past what the reports have applied")
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "first UTC day, 2026-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "last UTC day, included")
    @Parameter(name = "period", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "month (default) or week (ISO, Monday start): tiers are ranked per period")
    @Parameter(name = "team", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "only spend and merged PRs counted for this team")
    HttpResponse<?> efficiency(HttpRequest<?> request,
                               @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                               @QueryValue String asOf,
                               @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
                               @QueryValue String format) {
        TeamReportRequest parameters = TeamReportRequest.parse(request, maxRangeDays, PERIODS, asOf, format);
        EfficiencyReport report = reads.read(parameters.asOf(), snapshot -> reports.build(snapshot, parameters));
        return ReportFormats.respond(request, format, "efficiency", report, EfficiencyCsv::of);
    }
}
