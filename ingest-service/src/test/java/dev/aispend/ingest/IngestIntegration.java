package dev.aispend.ingest;

import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * What every ingest integration test (annotated {@code @MicronautTest}) starts from: the service started with
 * {@link IngestTestProperties} under the test's own topic prefix and database, plus any settings of the test's own;
 * the service over HTTP; and probes on the test's topics. One instance per class, since Micronaut asks the test
 * instance for its properties before it starts the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IngestIntegration implements TestPropertyProvider {
    @Inject
    protected IngestHttp http;

    private final String topicPrefix;
    private final Map<String, String> settings;

    /** @param topicPrefix e.g. {@code "imports-it."}: the test's topics and (without dots) its database */
    protected IngestIntegration(String topicPrefix) {
        this(topicPrefix, Map.of());
    }

    /** @param settings properties of this test's own, over the shared ones */
    protected IngestIntegration(String topicPrefix, Map<String, String> settings) {
        this.topicPrefix = topicPrefix;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public final Map<String, String> getProperties() {
        return IngestTestProperties.of(topicPrefix, settings);
    }

    /** Watches this test's {@code topic} (e.g. {@code Topics.USAGE_V1}) from now on. */
    protected final KafkaProbe probe(String topic) {
        return KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), topicPrefix + topic);
    }
}
