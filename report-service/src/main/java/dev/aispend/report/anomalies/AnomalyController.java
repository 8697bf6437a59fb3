package dev.aispend.report.anomalies;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.ReportFormats;
import dev.aispend.report.web.ReportParameters;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/reports/anomalies[?from=&to=][&team=][&status=open|cleared][&asOf=]
 * [&format=csv&view=flags|teams|totals]}: flagged spend, its share of all spend, open and cleared flags.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class AnomalyController {
    private final ReportReads reads;
    private final AnomalyReports reports;
    private final ReportPrivacy privacy;
    private final int maxRangeDays;

    AnomalyController(ReportReads reads, AnomalyReports reports, ReportPrivacy privacy,
                      @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.reports = reports;
        this.privacy = privacy;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/anomalies", produces = {"application/json", "text/csv"})
    @Operation(summary = "Anomaly flags: flagged spend and its share of all spend, open and cleared flags",
            description = "docs/reports-gamification.md. Flags dated (at their window's end) in the range, open or "
                    + "cleared as of the position. Flag rows only for callers who may see people; otherwise per "
                    + "team, small teams hidden. Money in integer USD micros.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = AnomalyReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "bad parameters, each named")
    @ApiResponse(responseCode = "403", description = "view=flags for a caller who may not see people")
    @ApiResponse(responseCode = "409", description = "asOf past what the reports have applied")
    HttpResponse<?> anomalies(
            HttpRequest<?> request,
            @Parameter(description = "first UTC day (2026-10-01); with to, or neither: the UTC month of the ledger "
                    + "clock") @Nullable @QueryValue String from,
            @Parameter(description = "last UTC day, included") @Nullable @QueryValue String to,
            @Parameter(description = "only the flags of this team, and its spend") @Nullable @QueryValue String team,
            @Parameter(description = "list only open or only cleared flags (totals count both)") @Nullable
            @QueryValue String status,
            @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable @QueryValue String asOf,
            @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
            @QueryValue String format,
            @Parameter(description = "CSV only: flags (default for callers who may see people), teams (default "
                    + "otherwise) or totals") @Nullable @QueryValue String view) {
        List<FieldError> errors = new ArrayList<>();
        AnomalyQuery query = AnomalyQuery.parse(from, to, team, status, view, maxRangeDays, errors);
        AsOf at = ReportParameters.asOf(asOf, errors);
        ReportParameters.checkFormat(request, format, errors);
        ReportParameters.rejectIfAny(errors);
        String csvView = query.view() != null ? query.view() : privacy.peopleVisible() ? "flags" : "teams";
        if ("flags".equals(csvView)) {
            privacy.requirePeopleVisible("view");
        }
        AnomalyReport report = reads.read(at, snapshot -> reports.build(snapshot, query));
        return ReportFormats.respond(request, format, "anomalies-" + csvView, report,
                answer -> AnomalyCsv.of(answer, csvView));
    }
}
