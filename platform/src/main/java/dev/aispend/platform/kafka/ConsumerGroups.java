package dev.aispend.platform.kafka;

import java.util.List;
import java.util.Map;

/**
 * The consumer groups a service reads with, each with the topics it reads: what {@link ConsumerLagMeter} measures.
 * A bean of any service that runs a {@link BatchConsumerLoop}.
 */
public interface ConsumerGroups {

    /** Group id to the topics the group reads. */
    Map<String, List<String>> consumerGroups();
}
