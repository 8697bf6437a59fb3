package dev.aispend.report.spend;

import dev.aispend.report.query.CubeTable;
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

/**
 * {@code GET /v1/reports/spend?from=&to=[&period=day|week|month][&groupBy=team,model,...][&team=...][&asOf=]
 * [&format=csv]}: spend by period and any of team, costCenter, personRef, model, provider, purpose, source.
 */
@Controller("/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
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
    HttpResponse<?> spend(HttpRequest<?> request, @Nullable @QueryValue String asOf,
                          @Nullable @QueryValue String format) {
        ReportQuery query = ReportQuery.parse(request, CubeTable.SPEND.dimensions(), maxRangeDays, "team");
        if (query.personLevel()) {
            privacy.requirePeopleVisible(query.groupBy().stream().anyMatch(d -> d.name().equals("PERSON"))
                    ? "groupBy" : "personRef");
        }
        AsOf at = AsOf.parse(asOf);
        SpendReport report = reads.read(at, snapshot -> reports.build(snapshot, query));
        return ReportFormats.respond(request, format, "spend", report, SpendCsv::of);
    }
}
