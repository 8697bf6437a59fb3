package dev.aispend.ingest.apikeys;

import dev.aispend.platform.security.apikey.ApiKeyDirectory;
import dev.aispend.platform.security.apikey.ApiKeySettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, once api-keys.v1 has been read, publishes again the key states ingest's database holds and the topic
 * does not (a topic lost or recreated, a publication whose transaction failed), so no service refuses a key the
 * admin API lists as active, or accepts one it lists as revoked. On a thread of its own: start-up does not wait
 * for it. A failure is logged and left to the next start (or to revoking the key again).
 */
@Singleton
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "auth.api-keys.enabled", notEquals = "false")
final class ApiKeyStatesAtStart implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStatesAtStart.class);

    private final ApiKeyService keys;
    private final ApiKeyDirectory directory;
    private final ApiKeySettings settings;

    ApiKeyStatesAtStart(ApiKeyService keys, ApiKeyDirectory directory, ApiKeySettings settings) {
        this.keys = keys;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread thread = new Thread(this::publishMissing, "api-keys-at-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void publishMissing() {
        // Twice the start-up bound: the follower's own wait may have passed with Kafka away.
        if (!directory.awaitCaughtUp(settings.startupWait().multipliedBy(2))) {
            LOG.warn("API keys: api-keys.v1 not read at start; the database's key states were not compared with it");
            return;
        }
        try {
            int published = keys.publishMissingStates();
            if (published > 0) {
                LOG.warn("API keys: api-keys.v1 lacked {} key states of ingest's database; published them again",
                        published);
            }
        } catch (RuntimeException failure) {
            LOG.warn("API keys: could not compare or publish the database's key states at start", failure);
        }
    }
}
