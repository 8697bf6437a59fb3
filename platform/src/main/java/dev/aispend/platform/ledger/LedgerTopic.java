package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;

/** ledger.v1 has exactly one partition: it carries the ledger's single total order. */
public final class LedgerTopic {
    public static final int PARTITIONS = 1;

    private LedgerTopic() {
    }

    public static NewTopic definition(TopicNames names, short replicationFactor) {
        return new NewTopic(names.ledger(), PARTITIONS, replicationFactor);
    }
}
