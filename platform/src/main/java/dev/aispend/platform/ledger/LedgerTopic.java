package dev.aispend.platform.ledger;

import dev.aispend.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

/** ledger.v1 has exactly one partition: it carries the ledger's single total order. */
public final class LedgerTopic {
    public static final int PARTITIONS = 1;

    private LedgerTopic() {
    }

    public static NewTopic definition(short replicationFactor) {
        return new NewTopic(Topics.LEDGER_V1, PARTITIONS, replicationFactor);
    }
}
