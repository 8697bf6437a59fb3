package dev.aispend.report.audit;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ledger-service's audit API as LedgerAuditIT needs it, served by the report service's own test server (only with
 * {@code report.test.fake-ledger}): a head of 12 entries, checkpoint 3 over the first 10, verifications that pass,
 * or that never answer while {@link #HANGING} holds a pending answer, and one known verification job.
 */
@Requires(property = "report.test.fake-ledger", value = "true")
// As the real ledger: callers must authenticate (the audit report sends the service credential).
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/v1/ledger")
final class FakeLedger {
    static final String KNOWN_JOB = "0b7c2d5e-1f3a-4b6c-8d9e-0a1b2c3d4e5f";
    static final List<String> VERIFIED_RANGES = new CopyOnWriteArrayList<>();
    /** While set, verifications answer this future, which the test completes once it has its answer. */
    static final AtomicReference<CompletableFuture<Map<String, Object>>> HANGING = new AtomicReference<>();

    @Get("/head")
    Map<String, Object> head() {
        return Map.of("lastPosition", 12, "lastPublishedPosition", 11);
    }

    @Get("/checkpoints/latest")
    Map<String, Object> latestCheckpoint() {
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("checkpointNumber", 3);
        checkpoint.put("treeSize", 10);
        checkpoint.put("chainHeadHash", "c".repeat(64));
        checkpoint.put("merkleRoot", "d".repeat(64));
        checkpoint.put("issuedAt", "2026-10-05T12:00:00Z");
        checkpoint.put("keyId", "key-1");
        checkpoint.put("signature", "c2lnbmVk");
        return checkpoint;
    }

    @Get("/verify")
    CompletableFuture<Map<String, Object>> verify(@QueryValue long from, @QueryValue long to) {
        VERIFIED_RANGES.add(from + ".." + to);
        CompletableFuture<Map<String, Object>> pending = HANGING.get();
        return pending != null ? pending : CompletableFuture.completedFuture(report(from, to));
    }

    @Get("/verifications/{id}")
    HttpResponse<?> verification(@PathVariable String id) {
        if (!KNOWN_JOB.equals(id)) {
            return HttpResponse.notFound(Map.of("message", "no verification " + id));
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("state", "COMPLETED");
        job.put("fromPosition", 1);
        job.put("toPosition", 12);
        job.put("entriesRead", 12);
        job.put("requestedAt", "2026-10-05T12:00:00Z");
        job.put("report", report(1, 12));
        return HttpResponse.ok(job);
    }

    static Map<String, Object> report(long from, long to) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("fromPosition", from);
        report.put("toPosition", to);
        report.put("verified", true);
        report.put("verifiedEntries", to - from + 1);
        report.put("checkpointsVerified", 1);
        report.put("elapsedMillis", 3);
        report.put("entriesPerSecond", 1000);
        return report;
    }
}
