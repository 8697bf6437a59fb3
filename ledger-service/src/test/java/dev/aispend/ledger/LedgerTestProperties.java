package dev.aispend.ledger;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties a ledger-service integration test runs with, as UsageIntakeIT sets them: a database of its own
 * on the shared test PostgreSQL, and the shared test broker behind a topic prefix and consumer group of its own
 * (with TEST_KAFKA_BOOTSTRAP_SERVERS every module shares one broker). The signing key pair the service requires
 * comes from application-test.yml, as for every test of the service. Mutable, so a test can add its own.
 */
public final class LedgerTestProperties {

    private LedgerTestProperties() {
    }

    /** {@code jdbcUrl} is a database created with {@link TestPostgres#createDatabase}. */
    public static Map<String, String> of(TestPostgres postgres, String jdbcUrl, String topicPrefix,
                                         String consumerGroup) {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl);
        properties.put("datasources.default.username", postgres.user());
        properties.put("datasources.default.password", postgres.password());
        properties.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("kafka.topic-prefix", topicPrefix);
        properties.put("ledger.intake.consumer-group", consumerGroup);
        return properties;
    }
}
