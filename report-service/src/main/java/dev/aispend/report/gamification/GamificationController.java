package dev.aispend.report.gamification;

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
 * {@code GET /v1/reports/gamification[?team=][&from=&to=][&level=team|person][&minMergedPrs=][&asOf=]
 * [&format=csv&view=leaderboard|phases|badges|awards]}: phases per team, badges awarded, and the outcome
 * leaderboard by merged PRs per dollar.
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class GamificationController {
    private final ReportReads reads;
    private final GamificationReports reports;
    private final ReportPrivacy privacy;
    private final int maxRangeDays;

    GamificationController(ReportReads reads, GamificationReports reports, ReportPrivacy privacy,
                           @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.reports = reports;
        this.privacy = privacy;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/gamification", produces = {"application/json", "text/csv"})
    @Operation(summary = "Phases per team, badges awarded, and an outcome leaderboard by merged PRs per dollar",
            description = "docs/reports-gamification.md. Phases as of the position; badges dated in the range; the "
                    + "leaderboard over the range's UTC days, never by tokens or spend. Money in integer USD micros.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = GamificationReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "bad parameters, each named")
    @ApiResponse(responseCode = "403", description = "level=person for a caller who may not see people")
    @ApiResponse(responseCode = "409", description = "asOf past what the reports have applied")
    HttpResponse<?> gamification(
            HttpRequest<?> request,
            @Parameter(description = "first UTC day (2026-10-01); with to, or neither: the UTC month of the ledger "
                    + "clock") @Nullable @QueryValue String from,
            @Parameter(description = "last UTC day, included") @Nullable @QueryValue String to,
            @Parameter(description = "only this team") @Nullable @QueryValue String team,
            @Parameter(description = "leaderboard per team (default) or per person (callers who may see people)")
            @Nullable @QueryValue String level,
            @Parameter(description = "merged PRs a group needs to be ranked (default 3); it also needs $1 of spend")
            @Nullable @QueryValue String minMergedPrs,
            @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable @QueryValue String asOf,
            @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
            @QueryValue String format,
            @Parameter(description = "CSV only: leaderboard (default), phases, badges (per team, badge and tier) or "
                    + "awards") @Nullable @QueryValue String view) {
        List<FieldError> errors = new ArrayList<>();
        GamificationQuery query = GamificationQuery.parse(from, to, team, level, minMergedPrs, view, maxRangeDays,
                errors);
        AsOf at = ReportParameters.asOf(asOf, errors);
        ReportParameters.checkFormat(request, format, errors);
        ReportParameters.rejectIfAny(errors);
        if (query.personLevel()) {
            privacy.requirePeopleVisible("level");
        }
        GamificationReport report = reads.read(at, snapshot -> reports.build(snapshot, query));
        return ReportFormats.respond(request, format, "gamification-" + query.view(), report,
                answer -> GamificationCsv.of(answer, query.view()));
    }
}
