package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.testsupport.ledger.TestLedger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger for gamification tests (an object mother): appends the entries the gamification evaluator reads, as
 * the ledger would, and evaluates them in a fresh evaluator as it goes, keeping every decision with the position
 * that triggered it.
 */
final class GamificationLedger {
    static final RateCardRef CARD = new RateCardRef("anthropic", 1);

    private final TestLedger ledger;
    private final List<LedgerEvent> events = new ArrayList<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final GamificationEvaluator evaluator = new GamificationEvaluator();
    private final List<PolicyDecision> decisions = new ArrayList<>();
    private long records;

    GamificationLedger() {
        this(new TestLedger());
    }

    /** Appends to {@code ledger} (a fixture's, whose entries a test publishes to ledger.v1). */
    GamificationLedger(TestLedger ledger) {
        this.ledger = ledger;
    }

    List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    List<PolicyDecision> decisions() {
        return List.copyOf(decisions);
    }

    List<PolicyDecision> decisions(String kind) {
        return decisions.stream().filter(decision -> decision.kind().equals(kind)).toList();
    }

    GamificationEvaluator evaluator() {
        return evaluator;
    }

    long position() {
        return ledger.position();
    }

    /** Appends and evaluates; returns the decisions this entry triggered. */
    List<PolicyDecision> append(LedgerPayload payload) {
        LedgerEnvelope envelope = ledger.append(payload);
        LedgerEvent event = new LedgerEvent(envelope, payload);
        events.add(event);
        List<PolicyDecision> triggered = evaluator.apply(event);
        decisions.addAll(triggered);
        return triggered;
    }

    List<PolicyDecision> link(String personRef, String team, Instant at) {
        return append(new IdentityLinked("link-" + personRef + "-" + at.toEpochMilli(), personRef + "@example",
                "email", personRef, team, null, "directory", at, at, "a".repeat(64)));
    }

    List<PolicyDecision> policy(PolicyKind kind, String policyId, Map<String, Object> content, Instant at) {
        long version = versions.merge(policyId, 1L, Long::sum);
        return append(new PolicyChanged("request-" + policyId + "-" + version, policyId, kind, version,
                "owner@example", content, List.of(), at, at, "b".repeat(64)));
    }

    /** A call: tokens by type; cost in USD micros. */
    List<PolicyDecision> call(String personRef, String team, String model, Instant at, long input, long output,
                              long cacheRead, long costUsdMicros) {
        TokenCounts tokens = new TokenCounts(input, output, cacheRead, 0, 0, 0);
        return append(new SpendRecorded("record-" + (++records), personRef, team, null, "anthropic", model,
                Spend.priced(tokens, costUsdMicros, CARD), null, "coding", "otlp", null, null, at, at,
                "c".repeat(64), null));
    }

    List<PolicyDecision> merged(String personRef, String team, Instant at, boolean aiAssisted) {
        return merged(personRef, team, at, aiAssisted, null);
    }

    List<PolicyDecision> merged(String personRef, String team, Instant at, boolean aiAssisted,
                                UsageAccounting accounting) {
        OutcomeRecord.AiAssistance assistance = aiAssisted
                ? new OutcomeRecord.AiAssistance(List.of("session-1"), List.of()) : OutcomeRecord.AiAssistance.NONE;
        return append(new OutcomeRecorded("outcome-" + (++records), GamificationEvaluator.PULL_REQUEST_MERGED,
                personRef, team, null, "acme/app", records, 10L, 2L, List.of(), assistance, "github", at, at,
                "d".repeat(64), null, accounting));
    }

    static Map<String, Object> badge(String name, String phase, String metric, String window,
                                     Map<String, Object> tiers) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("phase", phase);
        content.put("metric", metric);
        content.put("window", window);
        content.put("tiers", tiers);
        return content;
    }

    static Map<String, Object> with(Map<String, Object> content, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(content);
        changed.put(field, value);
        return changed;
    }
}
