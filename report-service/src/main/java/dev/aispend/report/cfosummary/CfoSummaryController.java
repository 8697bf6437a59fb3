package dev.aispend.report.cfosummary;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.CsvTable;
import dev.aispend.report.web.InvalidReportRequestException;
import dev.aispend.report.web.ReportFormats;
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

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code GET /v1/reports/cfo-summary[?month=2026-10][&asOf=][&format=csv]}: the month at a glance. */
@Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class CfoSummaryController {
    private final ReportReads reads;
    private final CfoSummaries summaries;

    CfoSummaryController(ReportReads reads, CfoSummaries summaries) {
        this.reads = reads;
        this.summaries = summaries;
    }

    @Get(value = "/cfo-summary", produces = {"application/json", "text/csv"})
    @Operation(summary = "Month to date against budget, the month's forecast, cost per merged PR trend, biggest "
            + "movers, flagged spend", description = "docs/reports.md#cfo-summary")
    @ApiResponse(responseCode = "200", description = "the summary as of one ledger position", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = CfoSummary.class)),
        @Content(mediaType = "text/csv")})
    HttpResponse<?> summary(HttpRequest<?> request,
                            @Parameter(description = "YYYY-MM (UTC); default: the month of the ledger clock")
                            @Nullable @QueryValue String month,
                            @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                            @QueryValue String asOf,
                            @Parameter(description = "json (default) or csv") @Nullable @QueryValue String format) {
        YearMonth asked = parse(month);
        CfoSummary summary = reads.read(AsOf.parse(asOf), snapshot -> {
            YearMonth chosen = asked;
            if (chosen == null) {
                Instant clock = snapshot.ledgerClock();
                Instant when = clock != null ? clock : snapshot.asOfRecordedAt();
                if (when == null) {
                    throw InvalidReportRequestException.of("month", "is required while the ledger holds nothing");
                }
                chosen = YearMonth.from(when.atOffset(ZoneOffset.UTC));
            }
            return summaries.build(snapshot, chosen);
        });
        return ReportFormats.respond(request, format, "cfo-summary-" + summary.month(), summary,
                CfoSummaryController::csv);
    }

    private static YearMonth parse(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month.strip());
        } catch (DateTimeParseException invalid) {
            throw InvalidReportRequestException.of("month", "must be a month such as 2026-10");
        }
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw InvalidReportRequestException.of("month", "must be between 0001-01 and 9999-12");
        }
        return parsed;
    }

    /** One line per figure: what it is, its value, and where it comes from. */
    static CsvTable csv(CfoSummary summary) {
        List<List<Object>> rows = new ArrayList<>();
        CfoSummary.MonthToDate toDate = summary.monthToDate();
        rows.add(Arrays.asList("monthToDate", "", toDate.costUsdMicros(), toDate.source()));
        for (CfoSummary.Budget budget : summary.budgets()) {
            rows.add(Arrays.asList("budget", budget.budgetId(), budget.spentUsdMicros(), budget.source()));
            rows.add(Arrays.asList("budgetAmount", budget.budgetId(), budget.amountUsdMicros(), budget.source()));
        }
        rows.add(Arrays.asList("forecast", "", summary.forecast().monthUsdMicros(), summary.forecast().source()));
        for (CfoSummary.TrendMonth month : summary.costPerMergedPrTrend()) {
            rows.add(Arrays.asList("costPerMergedPr", month.month(), month.costPerMergedPrUsdMicros(),
                    month.source()));
        }
        for (CfoSummary.Mover mover : summary.biggestMovers()) {
            rows.add(Arrays.asList("mover", mover.team(), mover.suppressed() ? null : mover.changeUsdMicros(),
                    "month to date against the same days of the month before"));
        }
        rows.add(Arrays.asList("flaggedOpen", "", summary.flaggedSpend().openUsdMicros(),
                summary.flaggedSpend().source()));
        rows.add(Arrays.asList("flaggedCleared", "", summary.flaggedSpend().clearedUsdMicros(),
                summary.flaggedSpend().source()));
        List<List<Object>> withPosition = rows.stream().map(row -> {
            List<Object> line = new ArrayList<>(row);
            line.add(summary.asOf().ledgerPosition());
            return line;
        }).toList();
        return new CsvTable(List.of("figure", "key", "usdMicros", "source", "asOfLedgerPosition"), withPosition);
    }
}
