package dev.aispend.policy.ratecard;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.policy.changes.PolicyChanges;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the default rate cards at first start, as actor {@code system}, when the ledger holds no rate card:
 * once the policy projection has caught up with the last entry of ledger.v1 and shows no card. Retried on a
 * schedule until it has either seeded or found a card; then it stops looking. Off with
 * {@code POLICY_SEED_RATE_CARDS=false}.
 */
@Singleton
@Requires(property = "policy.seed.enabled", value = "true", defaultValue = "true")
public class DefaultRateCardSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRateCardSeeder.class);

    private final PolicyStore store;
    private final PolicyChanges changes;
    private final LedgerPayloadDecoder decoder;
    private final JsonMapper json;
    private final TopicNames topics;
    private final String bootstrapServers;
    private final String resource;
    private final AtomicBoolean settled = new AtomicBoolean();

    DefaultRateCardSeeder(PolicyStore store, PolicyChanges changes, LedgerPayloadDecoder decoder, JsonMapper json,
                          TopicNames topics, @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                          @Value("${policy.seed.resource:rate-cards/default-rate-cards.json}") String resource) {
        this.store = store;
        this.changes = changes;
        this.decoder = decoder;
        this.json = json;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.resource = resource;
    }

    @Scheduled(initialDelay = "${policy.seed.initial-delay:3s}", fixedDelay = "${policy.seed.interval:5s}")
    void seedIfNeeded() {
        if (settled.get()) {
            return;
        }
        try {
            settled.set(trySeed());
        } catch (IOException | RuntimeException failure) {
            LOG.warn("could not check whether to seed the default rate cards; will retry: {}", failure.toString());
        }
    }

    /** True once there is nothing left to do: a card exists, or the seed was sent. */
    boolean trySeed() throws IOException {
        long tail;
        try (LedgerReader reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder)) {
            tail = reader.tailPosition();
        }
        if (store.appliedPosition() < tail) {
            return false; // Not caught up: a card may be recorded in what is still to be applied.
        }
        if (!store.currentOf(PolicyKind.RATE_CARD).isEmpty()) {
            return true;
        }
        RateCardSeed seed = load();
        for (PolicyChangeRequest request : seed.requests()) {
            changes.send(request);
        }
        LOG.info("sent the default rate cards of {} ({} cards) to the ledger, as actor {}", seed.asOf(),
                seed.cards().size(), RateCardSeed.ACTOR);
        return true;
    }

    private RateCardSeed load() throws IOException {
        try (InputStream stream = DefaultRateCardSeeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IOException("no seed file " + resource + " on the class path");
            }
            return RateCardSeed.read(stream, json);
        }
    }
}
