package dev.aispend.ingest;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The properties an ingest integration test starts the service with: the shared test broker under a topic prefix
 * of the test's own (every module may share one broker), a database of its own on the test PostgreSQL, and a
 * fixed pseudonym key (so expected refs can be computed: {@link #PSEUDONYM_KEY}) and directory encryption key.
 */
public final class IngestTestProperties {
    /** 32 zero bytes, base64: a test key, never a real one. */
    public static final String PSEUDONYM_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    /** 32 bytes of 7, base64: the directory's test encryption key, never a real one. */
    public static final String DIRECTORY_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(filled(32, (byte) 7));

    private IngestTestProperties() {
    }

    /** @param topicPrefix e.g. {@code "otlp-it."}: the test reads {@code topicPrefix + Topics.USAGE_V1} */
    public static Map<String, String> of(String topicPrefix) {
        TestPostgres postgres = TestInfrastructure.postgres();
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("kafka.topic-prefix", topicPrefix);
        properties.put("datasources.default.url", postgres.createDatabase(topicPrefix.replace(".", "")));
        properties.put("datasources.default.username", postgres.user());
        properties.put("datasources.default.password", postgres.password());
        properties.put("ingest.pseudonym-key", PSEUDONYM_KEY);
        properties.put("ingest.directory-encryption-key", DIRECTORY_ENCRYPTION_KEY);
        return properties;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    /** The shared properties with a test's own {@code settings} over them. */
    public static Map<String, String> of(String topicPrefix, Map<String, String> settings) {
        Map<String, String> properties = of(topicPrefix);
        properties.putAll(settings);
        return properties;
    }
}
