package dev.aispend.report.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.report.support.ReportTestSystem;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger status against a stand-in of ledger-service's audit API ({@link FakeLedger}, on this test's own
 * server): head, latest checkpoint, the verification of the entries since it, a verification job by id, and a
 * verification that does not answer in time reported as such, within the timeout.
 */
@MicronautTest(transactional = false)
class LedgerAuditIT extends ReportSystemTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    protected Map<String, String> moreProperties() {
        int port = ReportTestSystem.freePort();
        return Map.of("micronaut.server.port", String.valueOf(port),
                "micronaut.http.services.ledger.url", "http://127.0.0.1:" + port,
                "report.test.fake-ledger", "true", "report.audit.ledger-timeout", "2s");
    }

    @Test
    void shows_head_checkpoint_and_the_verification_since_it() throws IOException {
        JsonNode status = ReportAnswers.json(http,
                "/v1/reports/audit/ledger?verificationId=" + FakeLedger.KNOWN_JOB);

        assertThat(status.at("/ledger/status").asText()).isEqualTo("AVAILABLE");
        assertThat(status.at("/ledger/head/lastPosition").asLong()).isEqualTo(12);
        assertThat(status.at("/ledger/reportsBehindBy").asLong()).isEqualTo(12 - status.at("/reports/appliedPosition")
                .asLong());
        assertThat(status.at("/ledger/latestCheckpoint/checkpointNumber").asLong()).isEqualTo(3);
        assertThat(status.at("/ledger/latestCheckpoint/signature").asText()).isEqualTo("c2lnbmVk");
        assertThat(status.at("/ledger/verification/scope").asText()).isEqualTo("SINCE_LATEST_CHECKPOINT");
        assertThat(status.at("/ledger/verification/fromPosition").asLong()).isEqualTo(11);
        assertThat(status.at("/ledger/verification/toPosition").asLong()).isEqualTo(12);
        assertThat(status.at("/ledger/verification/state").asText()).isEqualTo("VERIFIED");
        assertThat(status.at("/ledger/verification/report/verifiedEntries").asLong()).isEqualTo(2);
        assertThat(FakeLedger.VERIFIED_RANGES).contains("11..12");
        assertThat(status.at("/ledger/verificationJob/found").asBoolean()).isTrue();
        assertThat(status.at("/ledger/verificationJob/job/report/verified").asBoolean()).isTrue();

        JsonNode unknown = ReportAnswers.json(http,
                "/v1/reports/audit/ledger?verificationId=00000000-0000-0000-0000-000000000000");
        assertThat(unknown.at("/ledger/verificationJob/found").asBoolean()).isFalse();
        assertThat(unknown.at("/ledger/verificationJob/detail").asText()).contains("knows no verification");
    }

    @Test
    void reports_a_verification_that_does_not_answer_in_time_without_waiting_longer() throws IOException {
        CompletableFuture<Map<String, Object>> pending = new CompletableFuture<>();
        FakeLedger.HANGING.set(pending);
        try {
            Instant asked = Instant.now();
            JsonNode status = ReportAnswers.json(http, "/v1/reports/audit/ledger");

            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(status.at("/ledger/status").asText()).isEqualTo("AVAILABLE");
            assertThat(status.at("/ledger/head/lastPosition").asLong()).isEqualTo(12);
            assertThat(status.at("/ledger/verification/state").asText()).isEqualTo("NOT_ANSWERED");
            assertThat(status.at("/ledger/verification/detail").asText()).contains("did not answer", "2000 ms");
        } finally {
            FakeLedger.HANGING.set(null);
            pending.complete(FakeLedger.report(11, 12));
        }
    }
}
