package dev.aispend.platform.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group's lag per topic: the records the broker holds that the group has not committed yet, summed over
 * the topic's partitions. A partition the group never committed counts from its first record (the loops start there,
 * {@code auto.offset.reset=earliest}); a committed offset past the end (the end read a moment earlier) counts 0.
 */
final class ConsumerLag {
    private ConsumerLag() {
    }

    /**
     * @param partitions every partition of the group's topics
     * @param ends       each partition's end (its last stable offset: a read_committed consumer reads no further)
     * @param starts     each partition's first offset, for those the group never committed
     * @param committed  the group's committed offsets
     */
    static Map<String, Long> byTopic(Collection<TopicPartition> partitions, Map<TopicPartition, Long> ends,
                                     Map<TopicPartition, Long> starts, Map<TopicPartition, Long> committed) {
        Map<String, Long> lag = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            Long position = committed.get(partition);
            long from = position != null ? position : starts.getOrDefault(partition, 0L);
            lag.merge(partition.topic(), Math.max(0, end - from), Long::sum);
        }
        return lag;
    }
}
