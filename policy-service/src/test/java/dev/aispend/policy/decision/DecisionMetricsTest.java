package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionMetricsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void counts_the_decisions_sent_by_their_kind_as_published() {
        DecisionMetrics metrics = new DecisionMetrics(meters);

        metrics.published(List.of(decision("d-1", DecisionKinds.THRESHOLD_CROSSED),
                decision("d-2", DecisionKinds.THRESHOLD_CROSSED), decision("d-3", DecisionKinds.EXHAUSTED)));
        DecisionMetrics.published(meters, "CHECK").increment();

        assertThat(count(DecisionKinds.THRESHOLD_CROSSED)).isEqualTo(2);
        assertThat(count(DecisionKinds.EXHAUSTED)).isEqualTo(1);
        assertThat(count("CHECK")).isEqualTo(1);
    }

    private double count(String kind) {
        return meters.get("aispend.policy.decisions.published").tag("kind", kind).counter().count();
    }

    private static PolicyDecision decision(String id, String kind) {
        return new PolicyDecision(id, kind, "budget:platform", "platform", 1, List.of(), "CROSSED", "test",
                Instant.parse("2026-11-24T10:00:00Z"));
    }
}
