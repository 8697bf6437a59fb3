package dev.aispend.ingest.source.otlp;

import dev.aispend.contracts.Topics;
import dev.aispend.devstack.Wait;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DELTA and CUMULATIVE without double counting, through to usage.v1: the same cumulative export twice, two
 * exports of one series at once, and a real OpenTelemetry SDK exporting over http/protobuf (gzip).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpTemporalityIT implements TestPropertyProvider {
    private static final String TOPIC_PREFIX = "otlp-series-it.";
    private static final Duration READ = Duration.ofSeconds(30);
    private static final Pattern INPUT = Pattern.compile("\"inputTokens\":(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("\"outputTokens\":(\\d+)");
    private int exports;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    /** Held: java.util.logging keeps loggers weakly, and would drop the handler with it. */
    private static final Logger EXPORTER_LOGGER = Logger.getLogger("io.opentelemetry");
    /** What the SDK's exporter logged: a failed export says why in the assertion. */
    private final List<String> exporterLog = new CopyOnWriteArrayList<>();

    @BeforeAll
    void listenToTheExporter() {
        // Every level: the SDK says "exporter busy" or "shut down" only at FINE.
        EXPORTER_LOGGER.setLevel(java.util.logging.Level.ALL);
        EXPORTER_LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                exporterLog.add(record.getLevel() + " " + record.getMessage()
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public Map<String, String> getProperties() {
        return IngestTestProperties.of(TOPIC_PREFIX);
    }

    @Test
    void counts_a_cumulative_series_exported_twice_once() {
        KafkaProbe usage = probe();
        Instant at = exportTime();

        OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-1.json", at);
        OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-2.json", at);
        List<String> published = values(usage.recordsUntilNow(READ));
        KafkaProbe afterSecond = probe();
        OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-2.json", at);

        assertThat(published).hasSize(4);
        assertThat(published).extracting(record -> sum(INPUT, List.of(record)))
                .containsExactly(1000L, 0L, 500L, 0L);
        assertThat(sum(OUTPUT, published)).isEqualTo(260);
        assertThat(afterSecond.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void counts_an_increase_once_when_the_same_export_arrives_twice_at_once() {
        for (int round = 0; round < 10; round++) {
            KafkaProbe usage = probe();
            Instant at = exportTime();
            OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-1.json", at);

            // Both would see the series' last point (1000); the row lock makes the second wait for the first's.
            String body = OtlpFixtures.at("claude-code-metrics-cumulative-2.json", at);
            CompletableFuture<?> first = postOnItsOwnConnection(body);
            CompletableFuture<?> second = postOnItsOwnConnection(body);
            CompletableFuture.allOf(first, second).orTimeout(60, TimeUnit.SECONDS).join();

            List<String> published = values(usage.recordsUntilNow(READ));
            assertThat(published).as("round " + round).hasSize(4);
            assertThat(sum(INPUT, published)).as("round " + round).isEqualTo(1500);
            assertThat(sum(OUTPUT, published)).as("round " + round).isEqualTo(260);
        }
    }

    @Test
    void receives_a_real_opentelemetry_sdks_delta_counter_over_gzipped_protobuf() {
        KafkaProbe usage = probe();
        String session = UUID.randomUUID().toString();
        try (SdkMeterProvider meters = meters(AggregationTemporalitySelector.deltaPreferred())) {
            DoubleCounter tokens = tokenCounter(meters);
            tokens.add(1234, claudeCodeAttributes(session, "input"));
            tokens.add(56, claudeCodeAttributes(session, "output"));

            assertExported(meters);
        }

        List<String> published = values(usage.recordsSinceCreated(2, READ));
        assertThat(published).hasSize(2).allSatisfy(record -> assertThat(record).contains(
                "\"source\":\"otlp:claude-code\"", "\"team\":\"sdk-team\"", "\"sessionId\":\"" + session + "\"",
                "\"model\":\"claude-sonnet-4-5-20250929\""));
        assertThat(sum(INPUT, published)).isEqualTo(1234);
        assertThat(sum(OUTPUT, published)).isEqualTo(56);
    }

    @Test
    void counts_a_real_sdks_cumulative_counter_by_its_increases_only() {
        KafkaProbe usage = probe();
        String session = UUID.randomUUID().toString();
        KafkaProbe afterTwo;
        try (SdkMeterProvider meters = meters(AggregationTemporalitySelector.alwaysCumulative())) {
            DoubleCounter tokens = tokenCounter(meters);
            tokens.add(100, claudeCodeAttributes(session, "output"));
            assertExported(meters);
            tokens.add(50, claudeCodeAttributes(session, "output"));
            assertExported(meters);
            afterTwo = probe();
            assertExported(meters);
        }

        List<String> published = values(usage.recordsSinceCreated(2, READ));
        assertThat(published).extracting(record -> sum(OUTPUT, List.of(record))).containsExactly(100L, 50L);
        assertThat(afterTwo.endOffsetsUnchanged()).isTrue();
    }

    /** A JDK client per request: two connections, so the two exports really are handled at once. */
    private CompletableFuture<?> postOnItsOwnConnection(String json) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.getURL() + "/v1/metrics"))
                .header("Content-Type", OtlpPosts.JSON)
                .header("Authorization", "Bearer " + dev.aispend.testsupport.security.TestIssuer.allRoles())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> assertThat(response.statusCode()).isEqualTo(200));
    }

    private SdkMeterProvider meters(AggregationTemporalitySelector temporality) {
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(server.getURL() + "/v1/metrics").setCompression("gzip")
                // As Claude Code sends it: OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>".
                .addHeader("Authorization", "Bearer " + dev.aispend.testsupport.security.TestIssuer.allRoles())
                // The SDK's default 10 s can pass on a loaded 2-core machine (one transaction, Kafka's acks=all).
                .setTimeout(Duration.ofSeconds(25))
                .setAggregationTemporalitySelector(temporality).build();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "claude-code", AttributeKey.stringKey("team.id"), "sdk-team")));
        // A reader that never fires on its own: the test exports with forceFlush, when it chooses.
        return SdkMeterProvider.builder().setResource(resource)
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofDays(1)).build())
                .build();
    }

    private static DoubleCounter tokenCounter(SdkMeterProvider meters) {
        return meters.get("com.anthropic.claude_code").counterBuilder("claude_code.token.usage").setUnit("tokens")
                .setDescription("Number of tokens used").ofDoubles().build();
    }

    private static Attributes claudeCodeAttributes(String session, String type) {
        return Attributes.builder().put("session.id", session).put("user.account_uuid", "sdk-account")
                .put("organization.id", "sdk-org").put("terminal.type", "vscode").put("type", type)
                .put("model", "claude-sonnet-4-5-20250929").build();
    }

    /**
     * Flushes the SDK until one export succeeds, polling with a bound. The SDK's reader refuses a flush while an
     * export is still in flight ("Exporter busy. Dropping metrics.", measured here on a loaded machine) and keeps
     * the data for the next one; a cumulative SDK resends its running totals anyway. Either way the receiver, which
     * counts increases, must count each once: the assertions on what was published still hold.
     */
    private void assertExported(SdkMeterProvider meters) {
        List<String> failures = new ArrayList<>();
        try {
            Wait.until("an SDK export that succeeds", Duration.ofSeconds(60), () -> {
                // A stale interrupt would make join return at once, unfinished: clear it and say so.
                if (Thread.interrupted()) {
                    failures.add("a stale interrupt of the test thread was cleared");
                }
                CompletableResultCode flushed = meters.forceFlush().join(30, TimeUnit.SECONDS);
                if (!flushed.isSuccess()) {
                    failures.add("done " + flushed.isDone() + ", " + flushed.getFailureThrowable());
                }
                return flushed.isSuccess();
            });
        } catch (IllegalStateException timedOut) {
            throw new AssertionError("every export failed: " + failures + "; SDK log: " + exporterLog, timedOut);
        }
    }

    private Instant exportTime() {
        exports++;
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2))
                .minus(Duration.ofMinutes(5L * exports));
    }

    private static long sum(Pattern tokens, List<String> records) {
        long total = 0;
        for (String record : records) {
            Matcher matcher = tokens.matcher(record);
            total += matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }
        return total;
    }

    private static KafkaProbe probe() {
        return KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), TOPIC_PREFIX + Topics.USAGE_V1);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
