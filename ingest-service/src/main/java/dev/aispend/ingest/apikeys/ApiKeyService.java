package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.BrokerUnavailableException;
import dev.aispend.ingest.kafka.BoundedSends;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.security.apikey.ApiKeyDirectory;
import dev.aispend.platform.security.apikey.ApiKeyFormat;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Creates and revokes API keys. Each change is written to {@code api_key} and its new state published on
 * api-keys.v1 in one database transaction: the row is written, the state is published and acknowledged by Kafka
 * (acks=all, bounded by {@code ingest.publish-timeout}), then the transaction commits; when Kafka does not
 * acknowledge in time nothing is committed (503). Publishing before committing errs on the safe side: a revocation
 * Kafka has is in force everywhere even if the commit then fails (a retry records it), and a creation whose commit
 * failed published a key nobody ever saw. The state also goes straight into this service's own
 * {@link ApiKeyDirectory}, so a key works at ingest as soon as its creation is answered; the other services have
 * it when Kafka delivers it. The plaintext key is never stored, published or logged.
 */
@Singleton
public class ApiKeyService {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeyStore store;
    private final ApiKeyDirectory directory;
    private final ApiKeyPublisher publisher;
    private final TopicNames topics;
    private final ApiKeysConfiguration limits;
    private final Clock clock;
    private final Duration publishTimeout;
    // A credential's secret: from the operating system's entropy, never seeded.
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyStore store, ApiKeyDirectory directory, ApiKeyPublisher publisher, TopicNames topics,
                  ApiKeysConfiguration limits, Clock clock, IngestConfiguration ingest) {
        this.store = store;
        this.directory = directory;
        this.publisher = publisher;
        this.topics = topics;
        this.limits = limits;
        this.clock = clock;
        this.publishTimeout = ingest.publishTimeout();
    }

    public ApiKeysConfiguration limits() {
        return limits;
    }

    /** A new key for {@code request}, created by {@code createdBy}; refused (409) beyond the usable keys' limit. */
    @Transactional
    public CreatedKey create(ApiKeyRequest request, String createdBy) {
        Instant now = now();
        store.lockForCreation();
        if (store.countUsable(now) >= limits.maxKeys()) {
            throw new ApiKeyLimitException(limits.maxKeys());
        }
        ApiKeyFormat.Generated generated = ApiKeyFormat.generate(random);
        ApiKeyState state = new ApiKeyState(ApiKeyState.SCHEMA_VERSION, generated.keyId(), request.name(),
                generated.secretSha256(), request.roles(), request.teams(), request.expiresAt(), createdBy, now,
                null, null);
        store.insert(state);
        publish(state);
        directory.apply(state);
        LOG.info("API key {} created by {}: roles {}, {} teams, expires {}", state.keyId(), createdBy, state.roles(),
                state.teams().size(), state.expiresAt());
        return new CreatedKey(state, generated.plaintext());
    }

    /**
     * Revokes the key (from now on refused everywhere) and answers its state; a key revoked already is answered as
     * it is, unchanged (revoking is idempotent). Empty for an unknown key.
     */
    @Transactional
    public Optional<ApiKeyState> revoke(String keyId, String revokedBy) {
        Optional<ApiKeyState> current = store.findForUpdate(keyId);
        if (current.isEmpty() || current.get().revoked()) {
            return current;
        }
        ApiKeyState revoked = current.get().revokedBy(now(), revokedBy);
        store.markRevoked(revoked);
        publish(revoked);
        directory.apply(revoked);
        LOG.info("API key {} revoked by {}", keyId, revokedBy);
        return Optional.of(revoked);
    }

    @ReadOnly
    public Optional<ApiKeyState> find(String keyId) {
        return store.find(keyId);
    }

    /**
     * Publishes again every recorded key state the topic does not hold as recorded ({@link ApiKeyReconciliation});
     * answers how many. Called at start, once this service has read the topic.
     */
    @ReadOnly
    public int publishMissingStates() {
        List<ApiKeyState> missing = ApiKeyReconciliation.toPublishAgain(store.notExpired(now()), directory, now());
        for (ApiKeyState state : missing) {
            publish(state);
            directory.apply(state);
        }
        return missing.size();
    }

    @ReadOnly
    public List<ApiKeyState> page(int limit, long offset) {
        return store.page(limit, offset);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void publish(ApiKeyState state) {
        try {
            BoundedSends.sendAll(List.of(state), sent -> publisher.publish(topics.apiKeys(), sent.keyId(), sent),
                    publishTimeout, clock).join();
        } catch (CompletionException failure) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            LOG.warn("the state of API key {} was not acknowledged by Kafka within {}; nothing committed",
                    state.keyId(), publishTimeout, cause);
            throw new BrokerUnavailableException("API key " + state.keyId(), cause);
        }
    }
}
