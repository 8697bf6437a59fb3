package dev.aispend.policy.seed;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.policy.changes.PolicyChanges;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records a seed file's policies, as actor {@code system}, when the ledger holds no policy of its kind: once the
 * policy projection has caught up with the last entry of ledger.v1 and shows none. Before that it cannot tell: a
 * policy of the kind may be in what is still to be applied.
 */
@Singleton
public class PolicySeeding {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySeeding.class);

    private final PolicyStore store;
    private final PolicyChanges changes;
    private final LedgerPayloadDecoder decoder;
    private final JsonMapper json;
    private final TopicNames topics;
    private final String bootstrapServers;

    PolicySeeding(PolicyStore store, PolicyChanges changes, LedgerPayloadDecoder decoder, JsonMapper json,
                  TopicNames topics, @Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        this.store = store;
        this.changes = changes;
        this.decoder = decoder;
        this.json = json;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    /** True once there is nothing left to do for {@code file}: a policy of its kind exists, or the seed was sent. */
    public boolean trySeed(PolicySeedFile file) throws IOException {
        long tail;
        try (LedgerReader reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder)) {
            tail = reader.tailPosition();
        }
        if (store.appliedPosition() < tail) {
            return false;
        }
        if (!store.currentOf(file.kind()).isEmpty()) {
            return true;
        }
        PolicySeed seed = file.load(json);
        for (PolicyChangeRequest request : seed.requests()) {
            changes.send(request);
        }
        LOG.info("sent the default {} policies of {} ({}) to the ledger, as actor {}", file.kind(), seed.asOf(),
                seed.policies().size(), PolicySeed.ACTOR);
        return true;
    }

    /** Tries {@code file} unless it has settled; a failure is logged and tried again on the next call. */
    public void seedUnlessSettled(PolicySeedFile file, AtomicBoolean settled) {
        if (settled.get()) {
            return;
        }
        try {
            settled.set(trySeed(file));
        } catch (IOException | RuntimeException failure) {
            LOG.warn("could not check whether to seed the default {} policies; will retry: {}", file.kind(),
                    failure.toString());
        }
    }
}
