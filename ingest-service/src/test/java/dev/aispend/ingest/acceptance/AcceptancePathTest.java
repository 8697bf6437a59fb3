package dev.aispend.ingest.acceptance;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.identity.IdentityResolver;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.kafka.IntakePublisher;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The acceptance path's wait for Kafka: one deadline for the whole request, however many records it sends. */
class AcceptancePathTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    /** What the producer's max.block.ms lets one send block while the broker's metadata is missing. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);
    private static final List<UsageSubmission> THOUSAND = IntStream.range(0, 1000)
            .mapToObj(index -> usage("req-" + index)).toList();

    private final MovableClock clock = new MovableClock(NOW);
    private final AtomicInteger sends = new AtomicInteger();

    @Test
    void stops_sending_once_the_deadline_passed_when_each_send_blocks() {
        AcceptancePath path = path(clock, Duration.ofSeconds(15), record -> {
            clock.advance(MAX_BLOCK); // The send blocked this long, then handed back a future that never completes.
            return new CompletableFuture<>();
        });

        CompletableFuture<Acceptance> accepted = path.acceptUsage(THOUSAND, RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                Locator.elements("records"));

        assertThat(sends.get()).isEqualTo(3); // Sent at 0 s, 5 s and 10 s; at 15 s the deadline has passed.
        assertUnavailable(accepted);
    }

    @Test
    void stops_sending_after_the_first_failed_send() {
        AcceptancePath path = path(clock, Duration.ofSeconds(15), record -> {
            throw new TimeoutException("Topic usage.v1 not present in metadata after 5000 ms.");
        });

        CompletableFuture<Acceptance> accepted = path.acceptUsage(THOUSAND, RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                Locator.elements("records"));

        assertThat(sends.get()).isEqualTo(1);
        assertUnavailable(accepted);
    }

    @Test
    void stops_sending_after_an_acknowledgement_failed() {
        AcceptancePath path = path(clock, Duration.ofSeconds(15),
                record -> CompletableFuture.failedFuture(new TimeoutException("expired")));

        assertUnavailable(path.acceptUsage(THOUSAND, RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                Locator.elements("records")));
        assertThat(sends.get()).isEqualTo(1);
    }

    @Test
    void fails_a_thousand_record_batch_within_about_the_deadline_in_real_time() {
        Clock wallClock = Clock.systemUTC();
        AcceptancePath path = path(wallClock, Duration.ofMillis(300), record -> {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // 1000 such sends in a row would take 50 s.
            return new CompletableFuture<>();
        });
        List<UsageSubmission> recent = IntStream.range(0, 1000).mapToObj(index -> usage("req-" + index,
                wallClock.instant())).toList();

        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertUnavailable(path.acceptUsage(recent,
                RecordAge.LIVE, Admission.ALL_OR_NOTHING, Locator.elements("records"))));
        assertThat(sends.get()).isLessThan(20);
    }

    @Test
    void accepts_when_every_record_is_acknowledged_in_time() {
        AcceptancePath path = path(clock, Duration.ofSeconds(15),
                record -> CompletableFuture.completedFuture(null));

        Acceptance accepted = path.acceptUsage(THOUSAND, RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                Locator.elements("records")).join();

        assertThat(accepted.acceptedIds()).hasSize(1000);
        assertThat(sends.get()).isEqualTo(1000);
    }

    private static void assertUnavailable(CompletableFuture<Acceptance> accepted) {
        assertThatThrownBy(accepted::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(BrokerUnavailableException.class);
    }

    private AcceptancePath path(Clock time, Duration publishTimeout,
                                Function<Object, CompletableFuture<RecordMetadata>> send) {
        IntakePublisher publisher = new IntakePublisher() {
            public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
                sends.incrementAndGet();
                return send.apply(record);
            }

            public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
                sends.incrementAndGet();
                return send.apply(record);
            }

            public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
                throw new UnsupportedOperationException("the acceptance path publishes no links");
            }

            public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                             Reidentification act) {
                throw new UnsupportedOperationException("the acceptance path records no re-identification");
            }
        };
        SubmissionRules rules = new SubmissionRules(new IngestLimits(1_000_000, 1_000_000_000, Duration.ofMinutes(5),
                Duration.ofDays(400), Duration.ofDays(1100), 1000, 8, 1_000_000_000L), time);
        IdentityResolver identities = new IdentityResolver((kind, value, at) -> Optional.empty(),
                new Pseudonymizer(Base64.getEncoder().encodeToString(new byte[32])));
        return new AcceptancePath(rules, identities, new SourceOfTruth("api", Map.of(), Map.of()), publisher,
                new TopicNames("test."), time, publishTimeout, new AcceptanceMetrics(new SimpleMeterRegistry()));
    }

    private static UsageSubmission usage(String id) {
        return usage(id, NOW);
    }

    private static UsageSubmission usage(String id, Instant at) {
        return new UsageSubmission(id, at, "api", SubjectAliases.ofEmail("alice@example.com"), "platform", null,
                "anthropic", "claude-sonnet-4-5", TokenCounts.of(10, 20), null, null, null, null, Map.of(), false);
    }
}
