package dev.aispend.testsupport.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.testsupport.TestInfrastructure;

import java.util.List;
import java.util.Map;

/**
 * What an integration test of a service that follows ledger.v1 stands on: a database of its own, a ledger topic
 * and consumer group under a run name of its own (with a shared broker, the topics and groups of earlier runs must
 * not be read), and a ledger whose entries it publishes there the way the ledger's relay does.
 */
public final class LedgerFollowerFixture implements AutoCloseable {
    private final String run;
    private final String bootstrapServers;
    private final ProjectionDatabase database;
    private final LedgerTopicWriter ledgerTopic;
    private final TestLedger ledger = new TestLedger();

    private LedgerFollowerFixture(String run, String bootstrapServers, ProjectionDatabase database) {
        this.run = run;
        this.bootstrapServers = bootstrapServers;
        this.database = database;
        this.ledgerTopic = new LedgerTopicWriter(bootstrapServers, run + ".ledger.v1");
    }

    /** A database and a run name for {@code service}; the test infrastructure starts on first use. */
    public static LedgerFollowerFixture create(String service) {
        String run = service + "-it-" + Long.toHexString(System.nanoTime());
        return new LedgerFollowerFixture(run, TestInfrastructure.kafka().bootstrapServers(),
                ProjectionDatabase.create(service));
    }

    /** The service's configuration for this run: its database, the broker, the run's topics and consumer group. */
    public Map<String, String> applicationProperties() {
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.user(),
                "datasources.default.password", database.password(),
                "kafka.bootstrap.servers", bootstrapServers,
                "kafka.topic-prefix", run + ".",
                "ledger-follower.consumer-group", run);
    }

    public ProjectionDatabase database() {
        return database;
    }

    public TestLedger ledger() {
        return ledger;
    }

    /** Publishes entries to the run's ledger topic, in order. */
    public void publish(LedgerEnvelope... envelopes) {
        publish(List.of(envelopes));
    }

    /** Publishes entries to the run's ledger topic, in order; the same entries again make a redelivery. */
    public void publish(List<LedgerEnvelope> envelopes) {
        ledgerTopic.publish(envelopes);
    }

    /** Returns once {@code projection} has applied every entry of {@link #ledger()} (publish them all first). */
    public void awaitApplied(String projection) {
        database.awaitCheckpoint(projection, ledger.position());
    }

    @Override
    public void close() {
        ledgerTopic.close();
    }
}
