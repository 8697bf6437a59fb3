package dev.aispend.platform.security.apikey;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How a service follows api-keys.v1, from {@code auth.api-keys.*}; every setting has a default here, so no
 * application.yml needs to name them, and an environment variable (Micronaut maps {@code AUTH_API_KEYS_CREATE_TOPIC}
 * to {@code auth.api-keys.create-topic}).
 *
 * @param enabled           whether API keys are accepted at all (AUTH_API_KEYS_ENABLED); off, only JWTs are
 * @param createTopic       create the compacted topic when missing (AUTH_API_KEYS_CREATE_TOPIC); false where a
 *                          platform team manages topics (then it must be compacted, with one partition)
 * @param startupWait       how long start-up waits until the topic is read to its end (AUTH_API_KEYS_STARTUP_WAIT):
 *                          the service does not listen before that, so it never refuses a valid key for having
 *                          read too little; past it, the service starts and reports itself DOWN in /health until
 *                          the read completes
 * @param retryDelay        the pause before following the topic again after a failure (broker away)
 */
@ConfigurationProperties("auth.api-keys")
public record ApiKeySettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "true") boolean createTopic,
        @Bindable(defaultValue = "30s") Duration startupWait,
        @Bindable(defaultValue = "2s") Duration retryDelay) {
}
