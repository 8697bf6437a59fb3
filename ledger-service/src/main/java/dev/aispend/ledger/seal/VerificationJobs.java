package dev.aispend.ledger.seal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifications that run longer than an HTTP request should wait (10 million entries take minutes): started by
 * {@code POST /v1/ledger/verifications}, run one at a time on a thread of their own, followed at
 * {@code GET /v1/ledger/verifications/{id}}. The last {@code ledger.seal.verification-jobs-kept} jobs are kept in
 * memory; a restart forgets them (start another: verification only reads).
 */
@Singleton
public final class VerificationJobs {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationJobs.class);

    private final LedgerVerifier verifier;
    private final int jobsKept;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    VerificationJobs(LedgerVerifier verifier, @Value("${ledger.seal.verification-jobs-kept:100}") int jobsKept) {
        if (jobsKept < 1) {
            throw new IllegalArgumentException("ledger.seal.verification-jobs-kept must be at least 1");
        }
        this.verifier = verifier;
        this.jobsKept = jobsKept;
    }

    /** What a job reports: QUEUED, RUNNING, COMPLETED (see report) or FAILED (see failure). */
    @Serdeable
    public record JobStatus(String id, String state, long fromPosition, long toPosition, long entriesRead,
                            String requestedAt, @Nullable VerificationReport report, @Nullable String failure) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final long from;
        final long to;
        final String requestedAt;
        final AtomicLong entriesRead = new AtomicLong();
        volatile String state = "QUEUED";
        volatile VerificationReport report;
        volatile String failure;

        Job(long from, long to, String requestedAt) {
            this.from = from;
            this.to = to;
            this.requestedAt = requestedAt;
        }

        JobStatus status() {
            return new JobStatus(id, state, from, to, entriesRead.get(), requestedAt, report, failure);
        }
    }

    public synchronized JobStatus start(long from, long to) {
        Job job = new Job(from, to, clock.instant().toString());
        jobs.put(job.id, job);
        while (jobs.size() > jobsKept) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        executor.execute(() -> run(job));
        return job.status();
    }

    public synchronized Optional<JobStatus> status(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    private void run(Job job) {
        job.state = "RUNNING";
        try {
            job.report = verifier.verify(job.from, job.to, job.entriesRead);
            job.state = "COMPLETED";
            LOG.info("verification {} of positions {}..{}: {} ({} entries, {} entries/s)", job.id, job.from, job.to,
                    job.report.verified() ? "verified" : job.report.damage() + " at " + job.report.firstBadPosition(),
                    job.report.verifiedEntries(), job.report.entriesPerSecond());
        } catch (RuntimeException failure) {
            job.failure = String.valueOf(failure.getMessage());
            job.state = "FAILED";
            LOG.error("verification {} failed", job.id, failure);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
