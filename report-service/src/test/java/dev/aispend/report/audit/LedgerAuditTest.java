package dev.aispend.report.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ledger status says for each way ledger-service answers, with a stand-in client (no network). */
class LedgerAuditTest {
    private static final LedgerAuditReport.Head HEAD = new LedgerAuditReport.Head(120, 118);
    private static final LedgerAuditReport.Checkpoint CHECKPOINT = new LedgerAuditReport.Checkpoint(4, 100,
            "c".repeat(64), "d".repeat(64), "2026-10-05T12:00:00Z", "key-1", "c2ln");

    /** Answers as told; records the verified ranges. */
    private static final class StandIn implements LedgerClient {
        CompletableFuture<LedgerAuditReport.Head> head = CompletableFuture.completedFuture(HEAD);
        CompletableFuture<LedgerAuditReport.Checkpoint> checkpoint = CompletableFuture.completedFuture(CHECKPOINT);
        CompletableFuture<LedgerAuditReport.VerificationReport> verification;
        final List<String> verified = new ArrayList<>();

        @Override
        public CompletableFuture<LedgerAuditReport.Head> head() {
            return head;
        }

        @Override
        public CompletableFuture<LedgerAuditReport.Checkpoint> latestCheckpoint() {
            return checkpoint;
        }

        @Override
        public CompletableFuture<LedgerAuditReport.VerificationReport> verify(long from, long to) {
            verified.add(from + ".." + to);
            return verification != null ? verification : CompletableFuture.completedFuture(
                    new LedgerAuditReport.VerificationReport(from, to, true, to - from + 1, 1, 1, 1, null, null, null,
                            null));
        }

        @Override
        public CompletableFuture<LedgerAuditReport.VerificationJob> verification(String id) {
            return CompletableFuture.failedFuture(new HttpClientResponseException("not found",
                    HttpResponse.status(HttpStatus.NOT_FOUND)));
        }
    }

    @Test
    void verifies_the_entries_since_the_latest_checkpoint_up_to_the_cap() {
        StandIn ledger = new StandIn();

        LedgerAuditReport.Ledger answer = new LedgerAudit(ledger, Duration.ofSeconds(5), 100_000).ask(115, null);

        assertThat(answer.status()).isEqualTo("AVAILABLE");
        assertThat(answer.reportsBehindBy()).isEqualTo(5);
        assertThat(ledger.verified).containsExactly("101..120");
        assertThat(answer.verification().state()).isEqualTo("VERIFIED");
        assertThat(answer.verification().detail()).isNull();

        LedgerAuditReport.Ledger capped = new LedgerAudit(new StandIn(), Duration.ofSeconds(5), 7).ask(120, null);
        assertThat(capped.verification().toPosition()).isEqualTo(107);
        assertThat(capped.verification().detail()).contains("report.audit.max-verify-entries");
    }

    @Test
    void verifies_from_the_first_entry_before_any_checkpoint_and_says_a_job_is_unknown() {
        StandIn ledger = new StandIn();
        ledger.checkpoint = CompletableFuture.completedFuture(null);

        LedgerAuditReport.Ledger answer = new LedgerAudit(ledger, Duration.ofSeconds(5), 100_000)
                .ask(120, "00000000-0000-0000-0000-000000000000");

        assertThat(answer.latestCheckpoint()).isNull();
        assertThat(answer.verification().scope()).isEqualTo("WHOLE_LEDGER");
        assertThat(ledger.verified).containsExactly("1..120");
        assertThat(answer.verificationJob().found()).isFalse();
        assertThat(answer.verificationJob().detail()).contains("knows no verification");
    }

    @Test
    void is_unavailable_when_the_head_is_not_answered_and_never_waits_past_the_timeout() {
        StandIn refused = new StandIn();
        refused.head = CompletableFuture.failedFuture(new HttpClientException("Connect Error: Connection refused"));
        LedgerAuditReport.Ledger unreachable = new LedgerAudit(refused, Duration.ofSeconds(5), 10).ask(0, null);
        assertThat(unreachable.status()).isEqualTo("UNAVAILABLE");
        assertThat(unreachable.detail()).contains("its head", "Connection refused");
        assertThat(unreachable.head()).isNull();

        StandIn silent = new StandIn();
        silent.head = new CompletableFuture<>();
        LedgerAuditReport.Ledger late = new LedgerAudit(silent, Duration.ofMillis(50), 10).ask(0, null);
        assertThat(late.status()).isEqualTo("UNAVAILABLE");
        assertThat(late.detail()).contains("did not answer its head within 50 ms");
        assertThat(silent.head.isCancelled()).isTrue();

        StandIn slowVerification = new StandIn();
        slowVerification.verification = new CompletableFuture<>();
        LedgerAuditReport.Ledger partial = new LedgerAudit(slowVerification, Duration.ofMillis(50), 10).ask(0, null);
        assertThat(partial.status()).isEqualTo("AVAILABLE");
        assertThat(partial.verification().state()).isEqualTo("NOT_ANSWERED");
    }
}
