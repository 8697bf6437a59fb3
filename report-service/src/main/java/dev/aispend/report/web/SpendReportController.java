package dev.aispend.report.web;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.report.spend.SpendReports;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/** {@code GET /v1/reports/spend?from=YYYY-MM-DD&to=YYYY-MM-DD}: spend per day, team and model, both days included. */
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SpendReportController {
    private final SpendReports reports;
    private final int maxRangeDays;

    SpendReportController(SpendReports reports, @Value("${report.max-range-days}") int maxRangeDays) {
        if (maxRangeDays < 1) {
            throw new IllegalArgumentException("report.max-range-days must be positive");
        }
        this.reports = reports;
        this.maxRangeDays = maxRangeDays;
    }

    @Get("/spend")
    HttpResponse<?> spend(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        try {
            ReportRange range = ReportRange.parse(from, to, maxRangeDays);
            return HttpResponse.ok(reports.between(range.from(), range.to()));
        } catch (ReportRange.InvalidRangeException invalid) {
            return HttpResponse.badRequest(ErrorBody.of("invalid report range", invalid.errors()));
        }
    }
}
