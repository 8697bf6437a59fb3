package dev.aispend.ledger.replay;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.ReplayRequested;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.platform.web.ProblemDetails;
import dev.aispend.platform.web.FieldError;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** Topics and a consumer group of its own: with TEST_KAFKA_BOOTSTRAP_SERVERS every module shares a broker. */
    private static final String TOPIC_PREFIX = "ledger-replay-it.";
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30Z");

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    ReplayCoordinator coordinator;
    @Inject
    ApplicationContext context;
    @Inject
    @Client("/")
    HttpClient http;
    private TestPostgres postgres;
    private String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        postgres = TestInfrastructure.postgres();
        jdbcUrl = postgres.createDatabase("ledger_replay");
        Map<String, String> properties = LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX,
                "ledger-replay-it");
        // Small batches: many batch boundaries, so a cancel lands mid-replay and order is checked across them.
        properties.put("ledger.replay.batch-entries", "5");
        return properties;
    }

    @Test
    void replays_a_range_in_order_exactly_as_the_ledger_topic_carried_it_and_records_who_asked() throws Exception {
        awaitPublished(entries.head().lastPosition());
        KafkaProbe ledgerTopic = KafkaProbe.on(bootstrapServers(), TOPIC_PREFIX + Topics.LEDGER_V1);
        long first = entries.head().lastPosition() + 1;
        recordUsage("order", 123);
        long last = first + 122;
        awaitPublished(last);
        List<ConsumerRecord<String, String>> published = ledgerTopic.recordsSinceCreated(123, WITHIN);
        String topic = TOPIC_PREFIX + "ledger-replay.order-" + UUID.randomUUID();

        HttpResponse<ReplayProgress> accepted = startReplay(Map.of("fromPosition", first, "toPosition", last,
                "topic", topic, "reason", "audit 2026-Q4"));

        assertThat(accepted.status().getCode()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        ReplayProgress started = accepted.body();
        assertThat(accepted.header("Location")).isEqualTo("/v1/ledger/replays/" + started.id());
        assertThat(started.state()).isEqualTo(ReplayState.RUNNING);
        assertThat(started.total()).isEqualTo(123);
        ReplayProgress completed = awaitFinished(started.id());
        assertThat(completed.state()).isEqualTo(ReplayState.COMPLETED);
        assertThat(completed.published()).isEqualTo(completed.total()).isEqualTo(123);
        assertThat(completed.publishedPosition()).isEqualTo(last);
        assertThat(completed.finishedAt()).isNotNull();
        List<ConsumerRecord<String, String>> replayed = TopicFromStart.read(bootstrapServers(), topic, 123, WITHIN);
        assertThat(replayed).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(published.stream().map(ConsumerRecord::key).toList());
        assertThat(envelopes(replayed)).containsExactlyElementsOf(envelopes(published));
        assertThat(envelopes(replayed)).extracting(LedgerEnvelope::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());
        assertThat(entries.head().lastPosition()).as("only the replay's own record is appended").isEqualTo(last + 1);
        assertThat(replayRecordAt(last + 1)).isEqualTo(new ReplayRequested(started.id(), "test-all-roles", first,
                last, topic, "audit 2026-Q4", replayRecordAt(last + 1).occurredAt()));
    }

    @Test
    void records_the_authenticated_caller_as_actor_and_refuses_a_body_naming_another() throws Exception {
        recordUsage("actor", 1);
        long head = entries.head().lastPosition();
        String token = TestIssuer.token("compliance-carol", "compliance-officer");

        HttpResponse<ReplayProgress> accepted = http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays",
                Map.of("fromPosition", head, "toPosition", head, "actor", "compliance-carol")).bearerAuth(token),
                ReplayProgress.class);
        HttpClientResponseException claimed = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays",
                        Map.of("fromPosition", 1, "actor", "someone-else")).bearerAuth(token)));

        assertThat(replayRecordAt(head + 1).actor()).isEqualTo("compliance-carol");
        assertThat(replayRecordAt(head + 1).replayId()).isEqualTo(accepted.body().id());
        assertThat(claimed.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(claimed.getResponse().getBody(ProblemDetails.class).orElseThrow().errors())
                .extracting(FieldError::field).containsExactly("actor");
        awaitFinished(accepted.body().id());
        assertThat(entries.head().lastPosition()).as("the refused request appended nothing").isEqualTo(head + 1);
    }

    @Test
    void defaults_to_the_whole_ledger_up_to_the_head_with_its_own_record_on_the_replay_topic() throws Exception {
        recordUsage("default", 3);
        long head = entries.head().lastPosition();

        ReplayProgress started = startReplay(Map.of("fromPosition", 1)).body();

        assertThat(started.topic()).isEqualTo(TOPIC_PREFIX + Topics.LEDGER_REPLAY_V1);
        assertThat(started.toPosition()).isEqualTo(head + 1);
        assertThat(awaitFinished(started.id()).state()).isEqualTo(ReplayState.COMPLETED);
        assertThat(entries.head().lastPosition()).isEqualTo(head + 1);
        ReplayRequested record = replayRecordAt(head + 1);
        assertThat(record.fromPosition()).isEqualTo(1);
        assertThat(record.toPosition()).as("the replay ends with its own record").isEqualTo(head + 1);
        assertThat(record.reason()).isNull();
    }

    @Test
    void cancels_a_large_replay_at_a_batch_boundary_and_runs_at_most_two_at_once() throws Exception {
        recordUsage("large", 3000);
        long head = entries.head().lastPosition();
        String topic = TOPIC_PREFIX + "ledger-replay.cancel-" + UUID.randomUUID();
        ReplayProgress started = startReplay(Map.of("fromPosition", 1, "topic", topic)).body();
        ReplayProgress second = startReplay(Map.of("fromPosition", 1)).body();
        long afterAccepted = entries.head().lastPosition();

        HttpClientResponseException third = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays", Map.of("fromPosition", 1))));
        HttpResponse<ReplayProgress> cancelled = http.toBlocking().exchange(
                HttpRequest.DELETE("/v1/ledger/replays/" + started.id()), ReplayProgress.class);
        http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays/" + second.id() + "/cancel", ""));

        assertThat(third.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
        assertThat(cancelled.body().state()).isEqualTo(ReplayState.CANCELLED);
        assertThat(cancelled.body().finishedAt()).isNotNull();
        long total = started.total();
        List<ConsumerRecord<String, String>> replayed = TopicFromStart.read(bootstrapServers(), topic, (int) total,
                Duration.ofSeconds(5));
        ReplayProgress after = progress(started.id());
        assertThat(after.state()).isEqualTo(ReplayState.CANCELLED);
        // It stopped at the batch boundary after the cancel: at most one batch (5 entries) more, all recorded.
        assertThat(after.published()).isLessThan(total)
                .isLessThanOrEqualTo(cancelled.body().published() + 5);
        assertThat((long) replayed.size()).isEqualTo(after.published());
        assertThat(progress(second.id()).state()).isEqualTo(ReplayState.CANCELLED);
        assertThat(http.toBlocking().exchange(HttpRequest.DELETE("/v1/ledger/replays/" + started.id()))
                .status().getCode()).as("cancelling again is harmless").isEqualTo(HttpStatus.OK.getCode());
        assertThat(afterAccepted).as("one record per accepted replay").isEqualTo(head + 2);
        assertThat(entries.head().lastPosition()).as("the refused third and the cancels append nothing")
                .isEqualTo(afterAccepted);
    }

    @Test
    void refuses_a_bad_request_naming_each_field_and_answers_404_for_an_unknown_replay() throws Exception {
        recordUsage("invalid", 1);
        long head = entries.head().lastPosition();

        assertThat(refusal(Map.of("fromPosition", 0))).extracting(FieldError::field).containsExactly("fromPosition");
        assertThat(refusal(Map.of("fromPosition", 2, "toPosition", 1))).extracting(FieldError::field)
                .containsExactly("toPosition");
        assertThat(refusal(Map.of("fromPosition", 1, "toPosition", head + 1))).extracting(FieldError::field)
                .containsExactly("toPosition");
        assertThat(refusal(Map.of("fromPosition", 1, "topic", "no spaces allowed"))).extracting(FieldError::field)
                .containsExactly("topic");
        assertThat(refusal(Map.of("fromPosition", 1, "topic", TOPIC_PREFIX + Topics.LEDGER_V1)))
                .extracting(FieldError::field).containsExactly("topic");
        // Not a replay topic of this deployment: never created, never reconfigured.
        assertThat(refusal(Map.of("fromPosition", 1, "topic", "other-deployment.ledger.v1")))
                .extracting(FieldError::field).containsExactly("topic");
        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/v1/ledger/replays/no-such-replay")));
        assertThat(unknown.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(unknown.getResponse().getBody(ProblemDetails.class)).get().extracting(ProblemDetails::detail)
                .asString().contains("no-such-replay");
    }

    @Test
    void marks_a_replay_left_running_by_a_previous_process_failed_at_start_up() throws Exception {
        String id = "left-running-" + UUID.randomUUID();
        execute("INSERT INTO ledger_replay (id, topic, from_position, to_position, published_position, state, "
                + "started_at) VALUES ('" + id + "', 'x', 1, 10, 4, 'RUNNING', now())");

        coordinator.failInterruptedReplays(new StartupEvent(context));

        ReplayProgress failed = progress(id);
        assertThat(failed.state()).isEqualTo(ReplayState.FAILED);
        assertThat(failed.failure()).isEqualTo("interrupted by a restart");
        assertThat(failed.published()).isEqualTo(4);
    }

    /** Starts a replay; waits while the limit of concurrent replays is reached (a cancelled one still ending). */
    private HttpResponse<ReplayProgress> startReplay(Map<String, Object> body) {
        AtomicReference<HttpResponse<ReplayProgress>> accepted = new AtomicReference<>();
        Wait.until("a replay accepted", WITHIN, () -> {
            try {
                accepted.set(http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays", body),
                        ReplayProgress.class));
                return true;
            } catch (HttpClientResponseException refused) {
                if (refused.getStatus() != HttpStatus.TOO_MANY_REQUESTS) {
                    throw refused;
                }
                return false;
            }
        });
        return accepted.get();
    }

    private List<FieldError> refusal(Map<String, Object> body) {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/replays", body)));
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return refused.getResponse().getBody(ProblemDetails.class).orElseThrow().errors();
    }

    /** The ReplayRequested entry at {@code position}, decoded from its stored payload. */
    private ReplayRequested replayRecordAt(long position) throws IOException {
        StoredEntry entry = entries.entriesAfter(position - 1, 1).get(0);
        assertThat(entry.position()).isEqualTo(position);
        assertThat(entry.eventType()).isEqualTo("ReplayRequested");
        return json.readValue(entry.payload(), ReplayRequested.class);
    }

    private ReplayProgress progress(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/replays/" + id), ReplayProgress.class);
    }

    private ReplayProgress awaitFinished(String id) {
        Wait.until("replay " + id + " finished", WITHIN, () -> progress(id).state() != ReplayState.RUNNING);
        return progress(id);
    }

    private List<LedgerEnvelope> envelopes(List<ConsumerRecord<String, String>> records) throws IOException {
        List<LedgerEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            envelopes.add(json.readValue(record.value(), LedgerEnvelope.class));
        }
        return envelopes;
    }

    /** Records {@code count} usage records through the real intake and waits until ledger.v1 carries them. */
    private void recordUsage(String label, int count) throws Exception {
        long expected = entries.head().lastPosition() + count;
        try (IntakeSender sender = new IntakeSender(bootstrapServers(), json)) {
            for (int index = 0; index < count; index++) {
                String team = index % 2 == 0 ? "platform" : "data";
                sender.send(TOPIC_PREFIX + Topics.USAGE_V1, team, UsageRecord.basic(label + "-" + UUID.randomUUID(),
                        OCCURRED_AT, OCCURRED_AT.plusSeconds(1), "api", team, "prs_0123456789abcdef",
                        "claude-sonnet-4-5", TokenCounts.of(100 + index, 10)));
            }
        }
        awaitPublished(expected);
    }

    private void awaitPublished(long position) {
        Wait.until("ledger published through position " + position, WITHIN,
                () -> entries.head().lastPublishedPosition() >= position);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String bootstrapServers() {
        return TestInfrastructure.kafka().bootstrapServers();
    }
}
