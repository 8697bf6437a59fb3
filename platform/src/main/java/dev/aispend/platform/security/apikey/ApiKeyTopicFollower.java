package dev.aispend.platform.security.apikey;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads api-keys.v1 whole into the {@link ApiKeyDirectory} and keeps reading it, on a daemon thread of its own: no
 * consumer group and nothing committed (every start reads every key again: the topic is compacted, so it holds
 * about one record per key), all partitions assigned and read from their beginning. A revocation published by
 * ingest reaches this service as soon as the broker delivers it (the poll returns on arrival; measured 0.5 to 2.4 s
 * at all four services on a loaded 2-core machine, docs/security.md). Created with the context, so the topic is
 * read while the rest of the service starts (migrations, caches); start-up then waits, bounded, until the topic has
 * been read up to the end it had, so the service never listens while it would refuse valid keys; /health shows the
 * rest (ApiKeyHealthIndicator). A state this service cannot read makes its key refused, never trusted. Created,
 * when missing, with one partition and the replication every service's topics have
 * (KAFKA_TOPIC_REPLICATION_FACTOR).
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "auth.api-keys.enabled", notEquals = "false")
final class ApiKeyTopicFollower implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often to look for the topic while another service creates it (metadata propagates in milliseconds). */
    private static final Duration TOPIC_LOOK_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ApiKeyDirectory directory;
    private final ApiKeySettings settings;
    private final JsonMapper json;
    private final String bootstrapServers;
    private final String topic;
    private final short replicationFactor;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread = new Thread(this::run, "api-keys-follower");
    private volatile KafkaConsumer<String, byte[]> consumer;
    private long startedNanos;

    ApiKeyTopicFollower(ApiKeyDirectory directory, ApiKeySettings settings, JsonMapper json, TopicNames topics,
                        @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                        @Value("${kafka.topic-replication-factor:1}") short replicationFactor) {
        this.directory = directory;
        this.settings = settings;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.topic = topics.apiKeys();
        this.replicationFactor = replicationFactor;
        thread.setDaemon(true);
    }

    @PostConstruct
    void start() {
        startedNanos = System.nanoTime();
        thread.start();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!directory.awaitCaughtUp(settings.startupWait())) {
            LOG.warn("API keys: {} not read to its end within {}; starting anyway, API keys are refused and /health "
                    + "says DOWN until it is (is Kafka reachable?)", topic, settings.startupWait());
        }
    }

    String topic() {
        return topic;
    }

    @PreDestroy
    void stop() {
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        while (!stopping()) {
            try {
                follow();
            } catch (WakeupException stopped) {
                return;
            } catch (RuntimeException failure) {
                LOG.warn("API keys: following {} failed; reading it again from its beginning in {}", topic,
                        settings.retryDelay(), failure);
                pause(settings.retryDelay());
            }
        }
    }

    /** Reads the topic from its beginning, then follows it until stopped or failing. */
    private void follow() {
        if (settings.createTopic()) {
            TopicProvisioner.ensureExists(bootstrapServers, List.of(new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        }
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = reader;
            if (stopping()) {
                return;
            }
            List<TopicPartition> partitions = partitionsOf(reader);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (!stopping()) {
                // Checked before polling too: an empty topic is read at once, not after a poll's wait.
                if (!directory.caughtUp() && reachedEnds(reader, ends)) {
                    markCaughtUp();
                }
                reader.poll(POLL).forEach(this::apply);
            }
        } finally {
            consumer = null;
        }
    }

    private void markCaughtUp() {
        directory.markCaughtUp();
        LOG.info("API keys: read {} to its end {} ms after start ({})", topic,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos), directory.counts(Instant.now()));
    }

    /** The topic's partitions, once the broker knows the topic (ingest, or any service, creates it). */
    private List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> reader) {
        boolean told = false;
        while (!stopping()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (!told) {
                LOG.info("API keys: waiting for topic {} to exist", topic);
                told = true;
            }
            pause(TOPIC_LOOK_INTERVAL);
        }
        throw new WakeupException();
    }

    private static boolean reachedEnds(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String keyId = record.key();
        if (keyId == null) {
            LOG.error("API keys: a record without a key at {}-{} offset {} ignored", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            directory.forget(keyId);
            return;
        }
        try {
            ApiKeyState state = json.readValue(record.value(), ApiKeyState.class);
            if (state.schemaVersion() != ApiKeyState.SCHEMA_VERSION || !keyId.equals(state.keyId())) {
                throw new IOException("schema version " + state.schemaVersion() + ", key id " + state.keyId());
            }
            directory.apply(state);
        } catch (IOException | RuntimeException unreadable) {
            // Refused rather than trusted: an unreadable state could be the revocation.
            directory.forget(keyId);
            LOG.error("API keys: the state of key {} at offset {} is unreadable ({}); the key is refused", keyId,
                    record.offset(), unreadable.getClass().getSimpleName());
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Asking for a missing topic must not create it with the broker's defaults (not compacted).
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-keys-follower-" + topic);
        return properties;
    }

    private void pause(Duration duration) {
        try {
            // A wait that stop() ends early: the broker needs time to come back, retrying at once would spin.
            stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }
}
