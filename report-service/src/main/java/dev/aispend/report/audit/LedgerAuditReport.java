package dev.aispend.report.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The ledger's verification status and latest signed checkpoint, asked of ledger-service live, beside the
 * position the report read models have applied (docs/reports-budgets-audit.md#ledger). Not an as-of report: it
 * says what the ledger answers now.
 */
@Serdeable
public record LedgerAuditReport(Reports reports, Ledger ledger) {

    /** The read models of the serving generation: the position they applied, and each one's own. */
    @Serdeable
    public record Reports(long appliedPosition, int generation, @Nullable Instant recordedAt,
                          @Nullable Instant ledgerClock, List<ReadModel> readModels) {
    }

    @Serdeable
    public record ReadModel(String readModel, long appliedPosition) {
    }

    /**
     * What ledger-service answered. {@code status} UNAVAILABLE: it did not answer its head within the timeout
     * (or answered an error), and {@code detail} says how; nothing else is filled in.
     *
     * @param reportsBehindBy  how many recorded entries the reports have not applied yet
     * @param latestCheckpoint null when none has been made yet (or the ledger did not answer it: see detail)
     * @param verification     the entries since the latest checkpoint, verified now
     * @param verificationJob  the job asked for with {@code verificationId}
     */
    @Serdeable
    public record Ledger(String status, @Nullable String detail, @Nullable Head head,
                         @Nullable Long reportsBehindBy, @Nullable Checkpoint latestCheckpoint,
                         @Nullable Verification verification, @Nullable JobAnswer verificationJob) {
    }

    /** {@code GET /v1/ledger/head}: the last position recorded and the last published on ledger.v1. */
    @Serdeable
    public record Head(long lastPosition, long lastPublishedPosition) {
    }

    /** A signed checkpoint as the ledger serves it (docs/ledger-format.md); audit-verifier checks it offline. */
    @Serdeable
    public record Checkpoint(long checkpointNumber, long treeSize, String chainHeadHash, String merkleRoot,
                             String issuedAt, String keyId, String signature) {
    }

    /**
     * The verification of positions {@code fromPosition..toPosition} (those after the latest checkpoint, which is
     * checked first: its signature and its root; the whole ledger when there is no checkpoint yet): {@code state}
     * VERIFIED, DAMAGED (see report.damage and report.firstBadPosition) or NOT_ANSWERED (see detail); detail also
     * says when the range stopped short of the head.
     */
    @Serdeable
    public record Verification(String scope, long fromPosition, long toPosition, String state,
                               @Nullable String detail, @Nullable VerificationReport report) {
    }

    /** ledger-service's VerificationReport. */
    @Serdeable
    public record VerificationReport(long fromPosition, long toPosition, boolean verified, long verifiedEntries,
                                     long checkpointsVerified, long elapsedMillis, long entriesPerSecond,
                                     @Nullable Long firstBadPosition, @Nullable String damage,
                                     @Nullable Long checkpointNumber, @Nullable String detail) {
    }

    /** ledger-service's verification job status: QUEUED, RUNNING, COMPLETED (see report) or FAILED. */
    @Serdeable
    public record VerificationJob(String id, String state, long fromPosition, long toPosition, long entriesRead,
                                  String requestedAt, @Nullable VerificationReport report,
                                  @Nullable String failure) {
    }

    /** The job asked for: {@code found} false with {@code detail} when the ledger does not know it or did not say. */
    @Serdeable
    public record JobAnswer(String verificationId, boolean found, @Nullable String detail,
                            @Nullable VerificationJob job) {
    }
}
