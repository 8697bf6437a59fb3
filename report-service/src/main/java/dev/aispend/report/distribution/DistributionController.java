package dev.aispend.report.distribution;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
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
 * {@code GET /v1/reports/distribution?from=&to=[&team=][&asOf=][&format=csv]}: median, p90 and concentration of
 * monthly spend per active person, and weekly adoption among the people in the directory.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class DistributionController {
    private final ReportReads reads;
    private final DistributionReports reports;
    private final int maxRangeDays;

    DistributionController(ReportReads reads, DistributionReports reports,
                           @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.reports = reports;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/distribution", produces = {"application/json", "text/csv"})
    @Operation(summary = "Median, p90 and concentration of monthly spend per active person; weekly adoption",
            description = "docs/reports-efficiency.md#distribution. Money in integer USD micros; no person refs.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = DistributionReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "bad parameters, each named")
    @ApiResponse(responseCode = "409", description = "asOf is past what the reports have applied")
    @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "first UTC day, 2026-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = "string"), required = true,
            description = "last UTC day, included")
    @Parameter(name = "team", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "monthly figures over the spend counted for this team; adoption among the team's "
                    + "people in the directory")
    HttpResponse<?> distribution(HttpRequest<?> request,
                                 @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                                 @QueryValue String asOf,
                                 @Parameter(description = "json (default) or csv; or send Accept: text/csv")
                                 @Nullable @QueryValue String format) {
        TeamReportRequest parameters = TeamReportRequest.parse(request, maxRangeDays, List.of(), asOf, format);
        DistributionReport report = reads.read(parameters.asOf(), snapshot -> reports.build(snapshot, parameters));
        return ReportFormats.respond(request, format, "distribution", report, DistributionCsv::of);
    }
}
