package dev.aispend.report.audit;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.readmodel.ReportReads;
import dev.aispend.report.readmodel.ReportSnapshot;
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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/reports/audit/ledger[?verificationId=][&format=csv]}: the ledger's verification status and latest
 * signed checkpoint, asked of ledger-service now, beside the position the report read models have applied. When
 * ledger-service does not answer within {@code report.audit.ledger-timeout}, the answer is still 200, with
 * {@code ledger.status} UNAVAILABLE and the reason in {@code ledger.detail}: the reports' own half stays true.
 */
@Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/reports/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class LedgerAuditController {
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final List<String> HEADER = List.of("ledgerStatus", "ledgerDetail", "reportsAppliedPosition",
            "reportsGeneration", "ledgerLastPosition", "ledgerLastPublishedPosition", "reportsBehindBy",
            "checkpointNumber", "checkpointTreeSize", "checkpointChainHeadHash", "checkpointMerkleRoot",
            "checkpointIssuedAt", "checkpointKeyId", "checkpointSignature", "verificationScope",
            "verificationFromPosition", "verificationToPosition", "verificationState", "verificationFirstBadPosition",
            "verificationDamage", "verificationDetail", "verificationJobId", "verificationJobState",
            "verificationJobVerified");

    private final ReportReads reads;
    private final LedgerAudit audit;

    LedgerAuditController(ReportReads reads, LedgerAudit audit) {
        this.reads = reads;
        this.audit = audit;
    }

    @Get(value = "/ledger", produces = {"application/json", "text/csv"})
    @Operation(summary = "The ledger's verification status and latest signed checkpoint (asked of ledger-service "
            + "now), beside the reports' applied position", description = "docs/reports-budgets-audit.md#ledger. "
            + "ledger.status UNAVAILABLE (still 200) when ledger-service does not answer in time.")
    @ApiResponse(responseCode = "200", description = "what the ledger and the reports say now", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = LedgerAuditReport.class)),
        @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "a bad parameter, named in errors[].field")
    HttpResponse<?> ledger(HttpRequest<?> request,
                           @Parameter(description = "a verification job started at ledger-service (POST "
                                   + "/v1/ledger/verifications) whose status to show") @Nullable
                           @QueryValue String verificationId,
                           @Parameter(description = "json (default) or csv; or send Accept: text/csv") @Nullable
                           @QueryValue String format) {
        if (verificationId != null && !JOB_ID.matcher(verificationId).matches()) {
            throw InvalidReportRequestException.of("verificationId", "must be a verification job id (a UUID)");
        }
        ReportFormats.wantsCsv(request, format);
        LedgerAuditReport.Reports reports = reads.read(AsOf.LATEST, LedgerAuditController::reports);
        LedgerAuditReport report = new LedgerAuditReport(reports,
                audit.ask(reports.appliedPosition(), verificationId));
        return ReportFormats.respond(request, format, "ledger-audit", report, LedgerAuditController::csv);
    }

    private static LedgerAuditReport.Reports reports(ReportSnapshot snapshot) {
        List<LedgerAuditReport.ReadModel> models = new ArrayList<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(
                "SELECT read_model, applied_position FROM read_model_position ORDER BY read_model");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                models.add(new LedgerAuditReport.ReadModel(rows.getString(1), rows.getLong(2)));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the read models' positions", failure);
        }
        return new LedgerAuditReport.Reports(snapshot.appliedPosition(), snapshot.generation(),
                snapshot.asOfRecordedAt(), snapshot.ledgerClock(), models);
    }

    private static CsvTable csv(LedgerAuditReport report) {
        LedgerAuditReport.Ledger ledger = report.ledger();
        List<Object> row = new ArrayList<>(Arrays.asList(ledger.status(), ledger.detail(),
                report.reports().appliedPosition(), report.reports().generation()));
        LedgerAuditReport.Head head = ledger.head();
        row.addAll(Arrays.asList(head == null ? null : head.lastPosition(),
                head == null ? null : head.lastPublishedPosition(), ledger.reportsBehindBy()));
        LedgerAuditReport.Checkpoint checkpoint = ledger.latestCheckpoint();
        row.addAll(checkpoint == null ? Arrays.asList(new Object[7]) : Arrays.asList(checkpoint.checkpointNumber(),
                checkpoint.treeSize(), checkpoint.chainHeadHash(), checkpoint.merkleRoot(), checkpoint.issuedAt(),
                checkpoint.keyId(), checkpoint.signature()));
        LedgerAuditReport.Verification verification = ledger.verification();
        LedgerAuditReport.VerificationReport verified = verification == null ? null : verification.report();
        row.addAll(verification == null ? Arrays.asList(new Object[7]) : Arrays.asList(verification.scope(),
                verification.fromPosition(), verification.toPosition(), verification.state(),
                verified == null ? null : verified.firstBadPosition(), verified == null ? null : verified.damage(),
                verification.detail()));
        LedgerAuditReport.JobAnswer job = ledger.verificationJob();
        LedgerAuditReport.VerificationJob status = job == null ? null : job.job();
        row.addAll(Arrays.asList(job == null ? null : job.verificationId(), status == null ? null : status.state(),
                status == null || status.report() == null ? null : status.report().verified()));
        return new CsvTable(HEADER, List.of(row));
    }
}
