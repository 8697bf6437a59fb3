package dev.aispend.policy.rules;

import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's properties for a test run, with the run's policy-changes.v1 and decisions.v1 created first: the
 * ledger creates them in production, and a test stands in for the ledger.
 */
public final class PolicyTestTopics {
    private PolicyTestTopics() {
    }

    /** The fixture's properties (a mutable copy, to add to) once the run's topics exist. */
    public static Map<String, String> propertiesWithTopics(LedgerFollowerFixture fixture) {
        Map<String, String> properties = new HashMap<>(fixture.applicationProperties());
        String prefix = properties.get("kafka.topic-prefix");
        TopicProvisioner.createIfMissing(properties.get("kafka.bootstrap.servers"), List.of(
                new NewTopic(prefix + "policy-changes.v1", 1, (short) 1),
                new NewTopic(prefix + "decisions.v1", 1, (short) 1)));
        return properties;
    }
}
