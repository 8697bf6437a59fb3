package dev.aispend.platform.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodedMessagesTest {
    private static final LedgerEvent EVENT = TestEvents.event(1, TestEvents.unpriced("r1", "core",
            TestEvents.MONDAY, 10));

    @Test
    void hands_the_same_message_to_another_follower_already_decoded() {
        DecodedMessages decoded = new DecodedMessages(16);
        decoded.keep(message("ledger.v1", 5, "entry five"), EVENT);

        assertThat(decoded.find(message("ledger.v1", 5, "entry five"))).isSameAs(EVENT);
        assertThat(decoded.hits()).isEqualTo(1);
    }

    @Test
    void decodes_afresh_when_the_bytes_at_that_offset_differ() {
        DecodedMessages decoded = new DecodedMessages(16);
        decoded.keep(message("ledger.v1", 5, "entry five"), EVENT);

        // A topic deleted and created again reuses offsets: the bytes, compared in full, tell them apart.
        assertThat(decoded.find(message("ledger.v1", 5, "entry FIVE"))).isNull();
        assertThat(decoded.misses()).isEqualTo(1);
    }

    @Test
    void never_mixes_topics_or_offsets_that_share_a_slot() {
        DecodedMessages decoded = new DecodedMessages(16);
        decoded.keep(message("ledger.v1", 5, "same bytes"), EVENT);

        assertThat(decoded.find(message("report-replay-1", 5, "same bytes"))).isNull();
        assertThat(decoded.find(message("ledger.v1", 21, "same bytes"))).isNull();
        decoded.keep(message("ledger.v1", 21, "later"), EVENT);
        assertThat(decoded.find(message("ledger.v1", 5, "same bytes"))).as("overwritten by offset 21").isNull();
    }

    @Test
    void shares_nothing_with_capacity_zero() {
        DecodedMessages decoded = new DecodedMessages(0);
        decoded.keep(message("ledger.v1", 5, "entry five"), EVENT);

        assertThat(decoded.find(message("ledger.v1", 5, "entry five"))).isNull();
    }

    @Test
    void refuses_a_capacity_out_of_bounds() {
        assertThatThrownBy(() -> new DecodedMessages(-1)).hasMessageContaining("0 to 65536");
        assertThatThrownBy(() -> new DecodedMessages(DecodedMessages.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsumerRecord<String, byte[]> message(String topic, long offset, String value) {
        return new ConsumerRecord<>(topic, 0, offset, "key", value.getBytes(StandardCharsets.UTF_8));
    }
}
