package dev.aispend.report.ledger;

import dev.aispend.platform.ledger.DecodedMessages;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.testsupport.ledger.TestLedger;
import dev.aispend.platform.ledger.LedgerFollower;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerProjection;
import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.serde.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch that holds an entry the follower cannot read fails whole, before any transaction: nothing is skipped. */
class LedgerFollowerTest {
    private final AtomicInteger transactionsStarted = new AtomicInteger();
    private final LedgerFollower follower = new LedgerFollower(new LedgerPayloadDecoder(ObjectMapper.getDefault()),
            new CountingTransactions(), new UnusedProjection());

    @Test
    void fails_the_batch_on_an_event_type_it_does_not_know() {
        TestLedger ledger = new TestLedger();
        byte[] known = TestLedger.json(ledger.append(LedgerPayloadSamples.unpricedSpend()));
        byte[] unknown = TestLedger.json(ledger.append("BudgetExploded", 1, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> follower.handle(List.of(message(0, known), message(1, unknown))))
                .isInstanceOf(LedgerPayloadDecoder.UnknownLedgerEventTypeException.class)
                .hasMessageContaining("ledger position 2 has event type BudgetExploded version 1");
        assertThat(transactionsStarted).hasValue(0);
    }

    @Test
    void fails_the_batch_on_an_envelope_that_does_not_decode() {
        byte[] broken = "{\"position\": 1, \"eventId\":".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> follower.handle(List.of(message(7, broken))))
                .hasMessageContaining("undecodable ledger.v1 envelope at offset 7");
        assertThat(transactionsStarted).hasValue(0);
    }

    @Test
    void fails_the_batch_on_a_payload_that_does_not_fit_its_type() {
        byte[] wrongShape = TestLedger.json(new TestLedger().append("SpendRecorded", 1,
                "{\"recordId\": \"r1\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> follower.handle(List.of(message(0, wrongShape))))
                .hasMessageContaining("undecodable payload of ledger position 1 (SpendRecorded version 1)");
        assertThat(transactionsStarted).hasValue(0);
    }

    @Test
    void a_second_projection_takes_the_entries_the_first_decoded() throws Exception {
        TestLedger ledger = new TestLedger();
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                message(0, TestLedger.json(ledger.append(LedgerPayloadSamples.unpricedSpend()))),
                message(1, TestLedger.json(ledger.append(LedgerPayloadSamples.unpricedSpend()))));
        DecodedMessages shared = new DecodedMessages(8);
        LedgerPayloadDecoder decoder = new LedgerPayloadDecoder(ObjectMapper.getDefault());
        LedgerFollower first = new LedgerFollower(decoder, new CountingTransactions(), new UnusedProjection(), shared);
        LedgerFollower second = new LedgerFollower(decoder, new CountingTransactions(), new UnusedProjection(), shared);

        List<LedgerEvent> decodedByFirst = first.decode(batch);
        List<LedgerEvent> takenBySecond = second.decode(batch);

        assertThat(takenBySecond).hasSize(2);
        assertThat(takenBySecond.get(0)).isSameAs(decodedByFirst.get(0));
        assertThat(takenBySecond.get(1)).isSameAs(decodedByFirst.get(1));
        assertThat(takenBySecond.get(1).position()).isEqualTo(2);
        assertThat(shared.hits()).isEqualTo(2);
    }

    private static ConsumerRecord<String, byte[]> message(long offset, byte[] value) {
        return new ConsumerRecord<>("ledger.v1", 0, offset, "key", value);
    }

    private final class CountingTransactions implements LedgerTransactions {
        @Override
        public <T> T inTransaction(Function<Connection, T> work) {
            transactionsStarted.incrementAndGet();
            throw new AssertionError("no transaction may start for a batch that does not decode");
        }
    }

    private static final class UnusedProjection implements LedgerProjection {
        @Override
        public String name() {
            return "unused";
        }

        @Override
        public void apply(Connection connection, List<LedgerEvent> events) {
            throw new AssertionError("nothing may be applied");
        }

        @Override
        public void reset(Connection connection) {
            throw new AssertionError("nothing may be reset");
        }
    }
}
