package dev.aispend.report.budgets;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.ReportFormats;
import dev.aispend.report.web.ReportParameters;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/reports/budgets[?period=2026-10][&budgetId=][&team=][&asOf=][&format=csv][&view=summary|burndown]}:
 * every budget's status for a period, with its burn-down, forecast, thresholds crossed and checks denied. With
 * {@code team} only the budgets scoped to that team (a team-scoped caller must name its own: it never sees the
 * organisation's, another team's or a person's budget outside its team).
 */
@Secured({Roles.TEAM_MEMBER, Roles.TEAM_LEAD, Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class BudgetController {
    private static final Pattern BUDGET_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final ReportReads reads;
    private final BudgetReports reports;

    BudgetController(ReportReads reads, BudgetReports reports) {
        this.reads = reads;
        this.reports = reports;
    }

    @Get(value = "/budgets", produces = {"application/json", "text/csv"})
    @Operation(summary = "Budgets: status per budget, burn-down, forecast exhaustion date (linear-v1), thresholds "
            + "crossed, checks denied", description = "docs/reports-budgets-audit.md#budgets. Money in integer USD "
            + "micros; the period is the one the ledger clock is in unless one is asked.")
    @ApiResponse(responseCode = "200", description = "the report as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = BudgetReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "a bad parameter, named in errors[].field")
    @ApiResponse(responseCode = "409", description = "asOf is past what the reports have applied")
    HttpResponse<?> budgets(HttpRequest<?> request,
                            @Parameter(description = "a period key: 2026-10, 2026-Q4 or 2026; each budget answers "
                                    + "for its own period containing the first day of it (default: the ledger "
                                    + "clock's period)") @Nullable @QueryValue String period,
                            @Parameter(description = "only this budget") @Nullable @QueryValue String budgetId,
                            @Parameter(description = "only the budgets scoped to this team (required for team "
                                    + "members and leads: their own)") @Nullable @QueryValue String team,
                            @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                            @QueryValue String asOf,
                            @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
                            @QueryValue String format,
                            @Parameter(description = "the CSV table: summary (default, a row per budget) or "
                                    + "burndown (a row per budget and day); JSON holds both") @Nullable
                            @QueryValue String view) {
        List<FieldError> errors = new ArrayList<>();
        if (period != null && PeriodKeys.firstDay(period) == null) {
            errors.add(new FieldError("period", "must be a period key: 2026-10 (month), 2026-Q4 (quarter) or 2026"));
        }
        if (budgetId != null && !BUDGET_ID.matcher(budgetId).matches()) {
            errors.add(new FieldError("budgetId", "must be 1-64 of a-z, 0-9 and -"));
        }
        String scopedTeam = ReportParameters.team(team, errors);
        String table = view == null ? "summary" : view.strip().toLowerCase(Locale.ROOT);
        if (!table.equals("summary") && !table.equals("burndown")) {
            errors.add(new FieldError("view", "must be summary or burndown"));
        }
        boolean csv = ReportParameters.wantsCsv(request, format, errors);
        ReportParameters.rejectIfAny(errors);
        AsOf at = AsOf.parse(asOf);
        BudgetReport report = reads.read(at, snapshot -> reports.build(snapshot,
                new BudgetReports.Request(period, budgetId, scopedTeam)));
        return ReportFormats.respond(request, csv ? "csv" : "json", table.equals("burndown") ? "budgets-burndown"
                : "budgets", report, table.equals("burndown") ? BudgetCsv::burnDown : BudgetCsv::summary);
    }
}
