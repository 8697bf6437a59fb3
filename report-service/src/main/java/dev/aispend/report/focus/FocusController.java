package dev.aispend.report.focus;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.ReportRange;
import dev.aispend.report.web.InvalidReportRequestException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.StringWriter;

/**
 * {@code GET /v1/reports/focus?from=&to=[&asOf=]}: the spend of those UTC days as a FinOps FOCUS 1.2 CSV
 * (docs/focus.md), as of one ledger position, which the {@code x_LedgerPositionAsOf} column names.
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class FocusController {
    private final ReportReads reads;
    private final FocusExport export;
    private final int maxRangeDays;

    FocusController(ReportReads reads, FocusExport export, @Value("${report.max-range-days}") int maxRangeDays) {
        this.reads = reads;
        this.export = export;
        this.maxRangeDays = maxRangeDays;
    }

    @Get(value = "/focus", produces = "text/csv")
    @Operation(summary = "FinOps FOCUS 1.2 export (CSV) of the spend of a range of UTC days")
    HttpResponse<String> focus(@Parameter(description = "first UTC day, 2026-10-01") @Nullable @QueryValue String from,
                               @Parameter(description = "last UTC day, included") @Nullable @QueryValue String to,
                               @Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                               @QueryValue String asOf) {
        ReportRange range;
        try {
            range = ReportRange.parse(from, to, maxRangeDays);
        } catch (ReportRange.InvalidRangeException invalid) {
            throw new InvalidReportRequestException("invalid report request", invalid.errors());
        }
        AsOf at = AsOf.parse(asOf);
        String csv = reads.read(at, snapshot -> {
            StringWriter out = new StringWriter();
            export.write(snapshot.connection(), range.from(), range.to(), snapshot.asOfPosition(), out);
            return out.toString();
        });
        return HttpResponse.ok(csv).contentType(MediaType.of("text/csv;charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"focus-" + range.from() + "-"
                        + range.to() + ".csv\"");
    }
}
