package dev.aispend.report.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks ledger-service what an auditor wants to know about the ledger now: its head and latest signed checkpoint
 * (together), then a verification of the entries since that checkpoint (and of the checkpoint itself; at most
 * {@code report.audit.max-verify-entries}, default 100,000: checkpoints come every 10,000 entries by default), and
 * a verification job when one is named. Every call shares one deadline, {@code report.audit.ledger-timeout}
 * (default 5 s): a ledger that does not answer in time is reported as such, never waited for longer.
 */
@Singleton
public class LedgerAudit {
    static final String AVAILABLE = "AVAILABLE";
    static final String UNAVAILABLE = "UNAVAILABLE";

    private final LedgerClient ledger;
    private final Duration timeout;
    private final long maxVerifyEntries;

    LedgerAudit(LedgerClient ledger, @Value("${report.audit.ledger-timeout:5s}") Duration timeout,
                @Value("${report.audit.max-verify-entries:100000}") long maxVerifyEntries) {
        if (timeout.isNegative() || timeout.isZero() || maxVerifyEntries < 1) {
            throw new IllegalArgumentException("report.audit.ledger-timeout and max-verify-entries must be positive");
        }
        this.ledger = ledger;
        this.timeout = timeout;
        this.maxVerifyEntries = maxVerifyEntries;
    }

    /** Thrown for an answer the ledger did not give: why, in words. */
    private static final class NotAnswered extends Exception {
        NotAnswered(String message) {
            super(message, null, false, false);
        }
    }

    LedgerAuditReport.Ledger ask(long reportsApplied, @Nullable String verificationId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<LedgerAuditReport.Head> head = ledger.head();
        CompletableFuture<LedgerAuditReport.Checkpoint> checkpoint = ledger.latestCheckpoint();
        CompletableFuture<LedgerAuditReport.VerificationJob> job = verificationId == null ? null
                : ledger.verification(verificationId);
        LedgerAuditReport.Head answeredHead;
        try {
            answeredHead = await(head, deadline, "its head");
        } catch (NotAnswered unavailable) {
            checkpoint.cancel(true);
            if (job != null) {
                job.cancel(true);
            }
            return new LedgerAuditReport.Ledger(UNAVAILABLE, unavailable.getMessage(), null, null, null, null, null);
        }
        if (answeredHead == null) {
            return new LedgerAuditReport.Ledger(UNAVAILABLE, "ledger-service answered no head", null, null, null,
                    null, null);
        }
        LedgerAuditReport.Checkpoint latest = null;
        String detail = null;
        try {
            latest = await(checkpoint, deadline, "its latest checkpoint");
        } catch (NotAnswered notAnswered) {
            detail = notAnswered.getMessage();
        }
        LedgerAuditReport.Verification verification = detail != null ? null
                : verify(latest, answeredHead.lastPosition(), deadline);
        return new LedgerAuditReport.Ledger(AVAILABLE, detail, answeredHead,
                Math.max(0, answeredHead.lastPosition() - reportsApplied), latest, verification,
                job == null ? null : job(verificationId, job, deadline));
    }

    private LedgerAuditReport.Verification verify(@Nullable LedgerAuditReport.Checkpoint latest, long head,
                                                  long deadline) {
        long from = latest == null ? 1 : Math.min(latest.treeSize() + 1, head + 1);
        long to = Math.min(head, from - 1 + maxVerifyEntries);
        String scope = latest == null ? "WHOLE_LEDGER" : "SINCE_LATEST_CHECKPOINT";
        String partial = to == head ? null : "only the first " + maxVerifyEntries + " entries of " + from + ".." + head
                + " (report.audit.max-verify-entries); start a verification job for the rest";
        try {
            LedgerAuditReport.VerificationReport report = await(ledger.verify(from, to), deadline,
                    "the verification of positions " + from + ".." + to);
            if (report == null) {
                return new LedgerAuditReport.Verification(scope, from, to, "NOT_ANSWERED",
                        "ledger-service answered no verification report", null);
            }
            return new LedgerAuditReport.Verification(scope, from, to, report.verified() ? "VERIFIED" : "DAMAGED",
                    partial, report);
        } catch (NotAnswered notAnswered) {
            return new LedgerAuditReport.Verification(scope, from, to, "NOT_ANSWERED", notAnswered.getMessage(),
                    null);
        }
    }

    private LedgerAuditReport.JobAnswer job(String id, CompletableFuture<LedgerAuditReport.VerificationJob> job,
                                            long deadline) {
        try {
            LedgerAuditReport.VerificationJob status = await(job, deadline, "verification job " + id);
            return status == null ? new LedgerAuditReport.JobAnswer(id, false, "ledger-service knows no verification "
                    + id + " (it keeps jobs in memory until a restart)", null)
                    : new LedgerAuditReport.JobAnswer(id, true, null, status);
        } catch (NotAnswered notAnswered) {
            return new LedgerAuditReport.JobAnswer(id, false, notAnswered.getMessage(), null);
        }
    }

    /** The answer, null for a 404, or NotAnswered saying why not (timeout, unreachable, an error status). */
    @Nullable
    private <T> T await(CompletableFuture<T> answer, long deadline, String what) throws NotAnswered {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            answer.cancel(true);
            throw new NotAnswered("ledger-service did not answer " + what + " within " + timeout.toMillis()
                    + " ms (report.audit.ledger-timeout)");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotAnswered("interrupted while asking ledger-service for " + what);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof HttpClientResponseException refused) {
                if (refused.getStatus() == HttpStatus.NOT_FOUND) {
                    return null;
                }
                throw new NotAnswered("ledger-service answered " + refused.getStatus().getCode() + " for " + what
                        + ": " + refused.getMessage());
            }
            throw new NotAnswered("ledger-service could not be asked for " + what + ": " + cause);
        }
    }
}
