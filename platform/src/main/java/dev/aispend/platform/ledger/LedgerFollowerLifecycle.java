package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.kafka.ConsumerGroups;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * In any service that has {@link LedgerProjection} beans: once the context is up, makes sure ledger.v1 exists
 * (one partition, kept forever) and follows it into each projection on a consumer loop of its own; rebuilds one
 * projection on request; stops following on shutdown.
 */
@Singleton
@Requires(beans = LedgerProjection.class)
public final class LedgerFollowerLifecycle implements ConsumerGroups {
    /** Used in a consumer group name, a URL path and a database key: keep it plain. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,47}");

    private final String bootstrapServers;
    private final LedgerFollowerConfiguration configuration;
    private final TopicNames topics;
    private final Map<String, ProjectionFollower> followers = new LinkedHashMap<>();

    LedgerFollowerLifecycle(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                            LedgerFollowerConfiguration configuration, LedgerPayloadDecoder decoder,
                            LedgerTransactions transactions, List<LedgerProjection> projections, TopicNames topics,
                            @Value("${ledger-follower.shared-decoded-entries:2048}") int sharedDecodedEntries,
                            MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.topics = topics;
        // Shared only between two or more projections: with one, nobody would take what it keeps.
        DecodedMessages decoded = new DecodedMessages(projections.size() > 1 ? sharedDecodedEntries : 0);
        FunctionCounter.builder("aispend.ledger.follower.decoded", decoded, DecodedMessages::hits)
                .tag("result", "shared").description("ledger.v1 messages a follower took already decoded")
                .register(meters);
        FunctionCounter.builder("aispend.ledger.follower.decoded", decoded, DecodedMessages::misses)
                .tag("result", "decoded").description("ledger.v1 messages a follower decoded itself")
                .register(meters);
        for (LedgerProjection projection : projections) {
            String name = projection.name();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("projection name '" + name + "' must match " + NAME);
            }
            ProjectionFollower follower = new ProjectionFollower(projection,
                    configuration.consumerLoopSettings(bootstrapServers, topics.ledger(), name),
                    new LedgerFollower(decoder, transactions, projection, decoded), transactions);
            if (followers.putIfAbsent(name, follower) != null) {
                throw new IllegalArgumentException("two projections are named '" + name + "'");
            }
        }
    }

    @EventListener
    void start(StartupEvent event) {
        TopicProvisioner.ensureExists(bootstrapServers,
                List.of(LedgerTopic.definition(topics, configuration.topicReplicationFactor())));
        followers.values().forEach(ProjectionFollower::start);
    }

    public Set<String> projectionNames() {
        return followers.keySet();
    }

    /** Each projection's consumer group, reading ledger.v1: their lag is measured (ConsumerLagMeter). */
    @Override
    public Map<String, List<String>> consumerGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        followers.keySet().forEach(name -> groups.put(configuration.consumerGroupOf(name), List.of(topics.ledger())));
        return groups;
    }

    /** Each projection's running loop (null while starting or rebuilding), in bean order. */
    public Map<String, BatchConsumerLoop> loops() {
        Map<String, BatchConsumerLoop> loops = new LinkedHashMap<>();
        followers.forEach((name, follower) -> loops.put(name, follower.loop()));
        return loops;
    }

    /**
     * Rebuilds one projection from ledger position 1 while the others keep running; returns once its rows are
     * deleted, its checkpoint is 0 and its loop is reading again (catching up happens in the background).
     *
     * @throws NoSuchElementException when no projection has that name
     */
    public void rebuild(String projectionName) {
        ProjectionFollower follower = followers.get(projectionName);
        if (follower == null) {
            throw new NoSuchElementException("no projection is named '" + projectionName + "'");
        }
        follower.rebuild();
    }

    /** On ShutdownEvent, before any bean is destroyed: the projections' connection pool is still open. */
    @EventListener
    void stop(ShutdownEvent event) {
        followers.values().forEach(ProjectionFollower::stop);
    }
}
