package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import dev.aispend.testsupport.ledger.TestLedger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;

/**
 * How {@link BudgetEvaluationIT} delivers ledger entries to the policy projection, chunk by chunk:
 * <ul>
 * <li>each chunk in one Kafka transaction, so the follower (it reads committed records only) takes it whole, as
 *     the seed cut it, rather than whatever a poll caught while the chunk was being sent;</li>
 * <li>a chosen delivery fails once at the very end of its transaction: a trigger in the test's own database
 *     refuses the checkpoint's advance after the evaluator has sent its decisions and written its state, so
 *     everything rolls back and the follower evaluates the delivery again. Which advance fails is kept in a
 *     sequence, which the failing transaction does not roll back, so it fails once.</li>
 * </ul>
 */
final class LedgerDeliveries implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ProjectionDatabase database;

    /** Call once the service has migrated {@code database} (the trigger is on its ledger_checkpoint). */
    LedgerDeliveries(String bootstrapServers, String topic, ProjectionDatabase database) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + ".writer"), new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
        this.database = database;
        producer.initTransactions();
        installCheckpointTrigger();
    }

    /** Publishes the entries as one delivery; the commit flushes, and fails if a send did. */
    void publish(List<LedgerEnvelope> envelopes) {
        producer.beginTransaction();
        for (LedgerEnvelope envelope : envelopes) {
            producer.send(new ProducerRecord<>(topic, "ledger", TestLedger.json(envelope)));
        }
        producer.commitTransaction();
    }

    /** The next advance of the policy checkpoint fails, once. Call only while no delivery is being applied. */
    void failNextDelivery() {
        database.execute("INSERT INTO test_failing_advance SELECT CASE WHEN is_called THEN last_value + 1 "
                + "ELSE last_value END FROM test_policy_checkpoint_advances");
    }

    /** How many deliveries failed so far. */
    long failedDeliveries() {
        return database.number("SELECT count(*) FROM test_failing_advance, test_policy_checkpoint_advances s "
                + "WHERE s.is_called AND advance_number <= s.last_value");
    }

    private void installCheckpointTrigger() {
        database.execute("CREATE SEQUENCE IF NOT EXISTS test_policy_checkpoint_advances",
                "CREATE TABLE IF NOT EXISTS test_failing_advance (advance_number BIGINT PRIMARY KEY)",
                """
                CREATE OR REPLACE FUNCTION test_fail_policy_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    advance BIGINT;
                BEGIN
                    IF NEW.projection = 'policy' AND NEW.applied_position > OLD.applied_position THEN
                        advance := nextval('test_policy_checkpoint_advances');
                        IF EXISTS (SELECT 1 FROM test_failing_advance WHERE advance_number = advance) THEN
                            RAISE EXCEPTION 'test: the delivery through position % fails once, after sending',
                                NEW.applied_position;
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$""",
                "DROP TRIGGER IF EXISTS test_fail_policy_checkpoint ON ledger_checkpoint",
                "CREATE TRIGGER test_fail_policy_checkpoint BEFORE UPDATE ON ledger_checkpoint FOR EACH ROW "
                        + "EXECUTE FUNCTION test_fail_policy_checkpoint()");
    }

    @Override
    public void close() {
        producer.close();
    }
}
