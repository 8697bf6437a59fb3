package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.testsupport.ledger.TestLedger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger for evaluator tests: appends payloads as the ledger would (positions from 1, hash-linked envelopes)
 * and keeps the entries, so a test can evaluate them and evaluate them again. Only what a budget looks at is a
 * parameter; every other field is fixed.
 */
final class EvaluatorLedger {
    static final RateCardRef CARD = new RateCardRef("anthropic", 1);

    private final TestLedger ledger = new TestLedger();
    private final List<LedgerEvent> events = new ArrayList<>();
    private final Map<String, Long> versions = new LinkedHashMap<>();

    List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    long position() {
        return ledger.position();
    }

    LedgerEvent append(LedgerPayload payload) {
        LedgerEnvelope envelope = ledger.append(payload);
        LedgerEvent event = new LedgerEvent(envelope, payload);
        events.add(event);
        return event;
    }

    /** The foundation's usage event, stored under its legacy type name. */
    LedgerEvent legacyUsage(String team, Instant at) {
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("legacy-" + position(), at, at, "api", team,
                "prs_" + team, "model-a", TokenCounts.of(10, 1), "c".repeat(64));
        LedgerEnvelope envelope = ledger.append(LedgerEventType.LEGACY_USAGE_RECORDED.typeName(), 1,
                TestLedger.json(legacy));
        LedgerEvent event = new LedgerEvent(envelope, legacy);
        events.add(event);
        return event;
    }

    /** The next version of budget {@code budgetId} with this content, requested at {@code at}. */
    LedgerEvent budget(String budgetId, Map<String, Object> content, Instant at) {
        long version = versions.merge(budgetId, 1L, Long::sum);
        return append(new PolicyChanged("request-" + budgetId + "-" + version, budgetId, PolicyKind.BUDGET, version,
                "owner@example", content, List.of(), at, at, "a".repeat(64)));
    }

    LedgerEvent rateCard(Instant at) {
        return append(new PolicyChanged("request-card-" + position(), "anthropic", PolicyKind.RATE_CARD, 2,
                "finance@example", Map.of("provider", "anthropic"), List.of(), at, at, "b".repeat(64)));
    }

    LedgerEvent spend(String team, Instant at, long costUsdMicros) {
        return append(spendOf(team, "prs_" + team, "coding", "model-a", null, at, costUsdMicros));
    }

    static SpendRecorded spendOf(String team, String personRef, String purpose, String model, String costCenter,
                                 Instant at, long costUsdMicros) {
        Spend spend = costUsdMicros == 0 ? Spend.unpriced(TokenCounts.of(10, 1), Spend.NO_RATE_CARD)
                : Spend.priced(TokenCounts.of(10, 1), costUsdMicros, CARD);
        return new SpendRecorded("record-" + at.toEpochMilli() + "-" + costUsdMicros + "-" + team + personRef,
                personRef, team, costCenter, "anthropic", model, spend, null, purpose, "api", null, null, at, at,
                "f".repeat(64), null);
    }

    /** Re-prices the spend recorded at {@code original} to {@code newCostUsdMicros}, requested at {@code at}. */
    LedgerEvent repricing(LedgerEvent original, long newCostUsdMicros, Instant at) {
        SpendRecorded spend = (SpendRecorded) original.payload();
        return append(repricingOf(original.position(), spend, spend.spend(), newCostUsdMicros, at));
    }

    static SpendRepriced repricingOf(long originalPosition, SpendRecorded original, Spend previous,
                                     long newCostUsdMicros, Instant at) {
        return new SpendRepriced("repricing-" + originalPosition + "-" + at.toEpochMilli(), originalPosition,
                original.recordId(), original.personRef(), original.team(), original.model(), previous,
                Spend.priced(previous.tokens(), newCostUsdMicros, new RateCardRef("anthropic", 2)),
                "finance@example", "rate card corrected", original.occurredAt(), at, original.costCenter(),
                original.provider(), original.purpose());
    }

    LedgerEvent outcome(Instant at) {
        return append(new OutcomeRecorded("outcome-" + position(), "PULL_REQUEST_MERGED", "prs_x", "platform", null,
                null, null, null, null, List.of(), OutcomeRecord.AiAssistance.NONE, "github", at, at,
                "e".repeat(64), null, null));
    }

    LedgerEvent evidence(String team, Instant at, long costUsdMicros) {
        return append(new UsageEvidenceRecorded(spendOf(team, "prs_" + team, "coding", "model-a", null, at,
                costUsdMicros)));
    }

    LedgerEvent recorded(PolicyDecision decision) {
        return append(PolicyDecisionRecorded.of(decision, "d".repeat(64)));
    }

    /** Budget content with the fields a test is about; the rest defaulted by the parser. */
    static Map<String, Object> content(Map<String, Object> scope, String unit, String timeZone, long amount,
                                       List<Integer> thresholds, boolean forecastAlert, boolean active) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", "Test budget");
        content.put("scope", scope);
        content.put("period", Map.of("unit", unit, "timeZone", timeZone));
        content.put("amountUsdMicros", amount);
        content.put("softThresholdsPercent", thresholds);
        content.put("forecastAlert", forecastAlert);
        content.put("active", active);
        return content;
    }

    static Map<String, Object> monthly(String team, String timeZone, long amount, List<Integer> thresholds) {
        return content(Map.of("team", team), "MONTH", timeZone, amount, thresholds, false, true);
    }

    /** Evaluates every entry in a fresh state, in order; the decisions of all of them. */
    static List<PolicyDecision> evaluate(List<LedgerEvent> events) {
        return evaluate(new InMemoryEvaluatorState(), events);
    }

    static List<PolicyDecision> evaluate(EvaluatorState state, List<LedgerEvent> events) {
        BudgetEvaluator evaluator = new BudgetEvaluator();
        List<PolicyDecision> decisions = new ArrayList<>();
        for (LedgerEvent event : events) {
            decisions.addAll(evaluator.apply(state, event));
        }
        return decisions;
    }
}
