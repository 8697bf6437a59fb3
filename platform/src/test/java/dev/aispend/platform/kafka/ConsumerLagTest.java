package dev.aispend.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {
    private static final TopicPartition USAGE_0 = new TopicPartition("usage.v1", 0);
    private static final TopicPartition USAGE_1 = new TopicPartition("usage.v1", 1);
    private static final TopicPartition DECISIONS_0 = new TopicPartition("decisions.v1", 0);

    @Test
    void sums_what_the_group_has_not_committed_over_each_topics_partitions() {
        Map<String, Long> lag = ConsumerLag.byTopic(List.of(USAGE_0, USAGE_1, DECISIONS_0),
                Map.of(USAGE_0, 120L, USAGE_1, 80L, DECISIONS_0, 5L), Map.of(),
                Map.of(USAGE_0, 100L, USAGE_1, 80L, DECISIONS_0, 2L));

        assertThat(lag).containsExactlyInAnyOrderEntriesOf(Map.of("usage.v1", 20L, "decisions.v1", 3L));
    }

    @Test
    void counts_a_partition_the_group_never_committed_from_its_first_record() {
        Map<String, Long> lag = ConsumerLag.byTopic(List.of(USAGE_0, USAGE_1), Map.of(USAGE_0, 50L, USAGE_1, 30L),
                Map.of(USAGE_1, 10L), Map.of(USAGE_0, 50L));

        assertThat(lag).containsExactlyEntriesOf(Map.of("usage.v1", 20L));
    }

    @Test
    void counts_a_commit_past_an_end_read_a_moment_earlier_as_no_lag() {
        Map<String, Long> lag = ConsumerLag.byTopic(List.of(USAGE_0), Map.of(USAGE_0, 40L), Map.of(),
                Map.of(USAGE_0, 45L));

        assertThat(lag).containsExactlyEntriesOf(Map.of("usage.v1", 0L));
    }
}
