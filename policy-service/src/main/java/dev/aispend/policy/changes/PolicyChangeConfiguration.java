package dev.aispend.policy.changes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * How long the API waits for the ledger's answer to a policy change ({@code POLICY_CHANGE_ANSWER_TIMEOUT},
 * default 5 s; past it the answer is 202 with a status link), how often it looks, and how long it waits for the
 * broker to take the request.
 */
@ConfigurationProperties("policy.changes")
public record PolicyChangeConfiguration(@Nullable Duration answerTimeout, @Nullable Duration answerPollInterval,
                                        @Nullable Duration sendTimeout) {
    public PolicyChangeConfiguration {
        answerTimeout = answerTimeout == null ? Duration.ofSeconds(5) : answerTimeout;
        answerPollInterval = answerPollInterval == null ? Duration.ofMillis(20) : answerPollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        if (answerTimeout.isNegative() || answerTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("policy.changes.answer-timeout must be within 0..1 minute");
        }
        if (answerPollInterval.isZero() || answerPollInterval.isNegative()) {
            throw new IllegalArgumentException("policy.changes.answer-poll-interval must be positive");
        }
    }
}
