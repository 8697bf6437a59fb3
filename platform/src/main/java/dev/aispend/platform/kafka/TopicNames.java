package dev.aispend.platform.kafka;

import dev.aispend.contracts.Topics;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * The topic names this deployment uses: the contract's names behind an optional prefix
 * ({@code kafka.topic-prefix}, env {@code KAFKA_TOPIC_PREFIX}), so several deployments or test runs can share
 * one Kafka cluster without reading each other's records.
 */
@Singleton
public final class TopicNames {
    /** Kafka's legal topic characters; the prefix plus the longest name stays far below Kafka's 249. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,100}");

    private final String prefix;

    public TopicNames(@Value("${kafka.topic-prefix:}") String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("kafka.topic-prefix may hold only letters, digits and . _ - "
                    + "(at most 100), was '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    public String usage() {
        return prefix + Topics.USAGE_V1;
    }

    public String outcomes() {
        return prefix + Topics.OUTCOMES_V1;
    }

    public String identity() {
        return prefix + Topics.IDENTITY_V1;
    }

    public String policyChanges() {
        return prefix + Topics.POLICY_CHANGES_V1;
    }

    public String decisions() {
        return prefix + Topics.DECISIONS_V1;
    }

    public String ledger() {
        return prefix + Topics.LEDGER_V1;
    }

    public String replay() {
        return prefix + Topics.LEDGER_REPLAY_V1;
    }

    public String apiKeys() {
        return prefix + Topics.API_KEYS_V1;
    }
}
