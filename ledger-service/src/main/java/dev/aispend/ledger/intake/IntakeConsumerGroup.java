package dev.aispend.ledger.intake;

import dev.aispend.ledger.LedgerConfiguration;
import dev.aispend.platform.kafka.ConsumerGroups;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The intake's consumer group and the five topics it reads, for the lag gauge (platform's ConsumerLagMeter). Every
 * instance reports it, a standby too: the group's lag is the leader's backlog, and a standby that shows it growing
 * while no instance leads is what an operator must see.
 */
@Singleton
final class IntakeConsumerGroup implements ConsumerGroups {
    private final LedgerConfiguration configuration;
    private final LedgerIntake intake;

    IntakeConsumerGroup(LedgerConfiguration configuration, LedgerIntake intake) {
        this.configuration = configuration;
        this.intake = intake;
    }

    @Override
    public Map<String, List<String>> consumerGroups() {
        return Map.of(configuration.intake().consumerGroup(), intake.topics());
    }
}
