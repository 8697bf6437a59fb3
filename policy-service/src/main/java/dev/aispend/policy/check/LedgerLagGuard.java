package dev.aispend.policy.check;

import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Fails checks closed while the policy projection is far behind the ledger: a check weighs the rules and the
 * spend the projection has applied, so a projection that is rebuilding (from position 1, its rules briefly empty)
 * or stuck would otherwise allow spend a hard cap must stop. Every {@code checks.lag-probe-interval} it compares
 * the last position on ledger.v1 with the projection's checkpoint; past {@code CHECKS_MAX_LEDGER_LAG} entries,
 * or while a rebuild has not yet reached where the projection was, checks answer 503. When the broker cannot be
 * read, the last known state stands.
 */
@Singleton
public class LedgerLagGuard {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerLagGuard.class);

    private final PolicyStore store;
    private final LedgerPayloadDecoder decoder;
    private final TopicNames topics;
    private final String bootstrapServers;
    private final long maxLagEntries;
    private LedgerReader reader;
    private volatile String refusal;
    private long highestApplied;

    LedgerLagGuard(PolicyStore store, LedgerPayloadDecoder decoder, TopicNames topics,
                   @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                   @Value("${checks.max-ledger-lag:5000}") long maxLagEntries) {
        this.store = store;
        this.decoder = decoder;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.maxLagEntries = maxLagEntries;
    }

    /** Why checks are refused now, or empty when they may be answered. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Scheduled(fixedDelay = "${checks.lag-probe-interval:2s}", initialDelay = "1s")
    synchronized void probe() {
        try {
            if (reader == null) {
                reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder);
            }
            long tail = reader.tailPosition();
            long applied = store.appliedPosition();
            refusal = judge(tail, applied);
        } catch (Exception failure) {
            LOG.warn("could not compare the policy projection with the ledger's tail: {}", failure.toString());
            closeReader();
        }
    }

    /** Pure but for the rebuild watermark: the highest checkpoint seen, which a rebuild must reach again. */
    String judge(long tail, long applied) {
        if (applied >= highestApplied) {
            highestApplied = applied;
        } else if (applied + maxLagEntries < highestApplied) {
            return "the policy projection is being rebuilt (at position " + applied + " of " + highestApplied + ")";
        }
        long lag = tail - applied;
        return lag > maxLagEntries ? "the policy projection is " + lag + " entries behind the ledger (more than "
                + maxLagEntries + ", CHECKS_MAX_LEDGER_LAG)" : null;
    }

    @PreDestroy
    synchronized void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
