package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * {@code aispend.policy.decisions.published} (tag kind, as published: BUDGET_THRESHOLD_CROSSED, BADGE_AWARDED,
 * ANOMALY_FLAGGED, CHECK, ...): the decisions the broker acknowledged on decisions.v1. Kinds are this code's
 * constants, so the tag is bounded. A delivery evaluated again after a failure sends its decisions again (same ids;
 * the ledger records them once) and they are counted again: this counts what was sent, the ledger what was recorded.
 */
@Singleton
public final class DecisionMetrics {
    private static final String METRIC = "aispend.policy.decisions.published";

    private final MeterRegistry meters;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The counter of one kind; the check decisions' relay counts its own (kind CHECK) through it. */
    public static Counter published(MeterRegistry meters, String kind) {
        return Counter.builder(METRIC).tag("kind", kind)
                .description("policy decisions the broker acknowledged on decisions.v1, by kind").register(meters);
    }

    void published(List<PolicyDecision> decisions) {
        for (PolicyDecision decision : decisions) {
            published(meters, decision.kind()).increment();
        }
    }
}
