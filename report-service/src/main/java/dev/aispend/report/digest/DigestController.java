package dev.aispend.report.digest;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.web.InvalidReportRequestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * {@code GET /v1/reports/digests[?asOf=][&generation=]}: a digest per read model as of a position, of the serving
 * generation or of another one still kept (a rebuild's, a retired one), so anyone can compare two generations at
 * the same position: they must be identical.
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports/digests")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rebuilds")
final class DigestController {
    private final ReportReads reads;
    private final ReadModelDigests digests;

    DigestController(ReportReads reads, ReadModelDigests digests) {
        this.reads = reads;
        this.digests = digests;
    }

    /** The digests of one generation as of one position. */
    @Serdeable
    record Digests(ReportAsOf asOf, List<ReadModelDigests.Digest> readModels) {
    }

    @Get(produces = "application/json")
    @Operation(summary = "A SHA-256 per read model as of a ledger position (docs/reports.md#digests)")
    Digests digests(@Parameter(description = "a ledger position, or an ISO-8601 instant") @Nullable
                    @QueryValue String asOf,
                    @Parameter(description = "a generation still kept (default: the serving one)") @Nullable
                    @QueryValue Integer generation) {
        AsOf at = AsOf.parse(asOf);
        if (generation == null) {
            return reads.read(at, snapshot -> new Digests(ReportAsOf.of(snapshot), digests.compute(snapshot)));
        }
        if (generation < 1) {
            throw InvalidReportRequestException.of("generation", "must be at least 1");
        }
        return reads.readGeneration(generation, at, snapshot -> new Digests(ReportAsOf.of(snapshot),
                digests.compute(snapshot)));
    }
}
