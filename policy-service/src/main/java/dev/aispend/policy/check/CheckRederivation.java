package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.decision.EvaluatorState;
import dev.aispend.policy.decision.PeriodTally;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-derives recorded CHECK decisions from the ledger, for compliance. A check decided from the rules at its
 * {@code rulesPosition}, each budget's spend as of its {@code spentAsOfPosition}, and the reservations it counted
 * (recorded in its evidence: holds are not ledger facts). So: collect the recorded checks first
 * ({@link #recorded}), replay the ledger calling {@link #afterEntry} after each entry (it keeps the rules and the
 * spend the checks need, at exactly their positions), then {@link #rederived} runs the same scope resolution, rule
 * and decision writer the service ran, and the caller compares the results with the recorded decisions.
 */
public final class CheckRederivation {
    public static final String KIND = CheckDecisions.KIND;
    private final List<RecordedCheck> checks = new ArrayList<>();
    private final Map<Long, List<RecordedCheck>> byRulesPosition = new HashMap<>();
    private final Map<Long, List<SpendNeed>> bySpendPosition = new HashMap<>();
    private final Map<Long, RulesSnapshot> snapshots = new HashMap<>();
    private RateCardBook rateCards = RateCardBook.empty();
    private final Map<String, Attribution> people = new HashMap<>();

    private record Attribution(PersonAttribution person, Instant effectiveFrom) {
    }

    /** What a budget of a recorded check needs from the replay: its spend right after {@code position}. */
    private static final class SpendNeed {
        final String budgetId;
        final String periodKey;
        Long spentUsdMicros;

        SpendNeed(String budgetId, String periodKey) {
            this.budgetId = budgetId;
            this.periodKey = periodKey;
        }
    }

    private record RecordedCheck(PolicyDecision decision, CheckEvidence evidence, Map<String, SpendNeed> spend) {
    }

    /** Pass one: a CHECK decision the ledger holds, to re-derive. */
    public void recorded(PolicyDecision decision) {
        CheckEvidence evidence = CheckEvidence.of(decision);
        Map<String, SpendNeed> spend = new HashMap<>();
        for (CheckEvidence.Budget budget : evidence.budgets()) {
            SpendNeed need = new SpendNeed(budget.budgetId(), budget.periodKey());
            if (budget.spentAsOfPosition() == 0) {
                need.spentUsdMicros = 0L; // Nothing counted yet when the check read it.
            } else {
                bySpendPosition.computeIfAbsent(budget.spentAsOfPosition(), ignored -> new ArrayList<>()).add(need);
            }
            spend.put(budget.budgetId() + "/" + budget.periodKey(), need);
        }
        RecordedCheck check = new RecordedCheck(decision, evidence, spend);
        checks.add(check);
        byRulesPosition.computeIfAbsent(evidence.rulesPosition(), ignored -> new ArrayList<>()).add(check);
        if (evidence.rulesPosition() == 0) {
            snapshots.put(0L, snapshot(0, List.of()));
        }
    }

    public boolean isEmpty() {
        return checks.isEmpty();
    }

    /** Pass two: after the evaluator applied {@code event} to {@code state}. */
    public void afterEntry(LedgerEvent event, EvaluatorState state) {
        fold(event);
        long position = event.position();
        for (SpendNeed need : bySpendPosition.getOrDefault(position, List.of())) {
            need.spentUsdMicros = state.tally(need.budgetId, need.periodKey).map(PeriodTally::spentUsdMicros)
                    .orElse(0L);
        }
        if (byRulesPosition.containsKey(position)) {
            snapshots.put(position, snapshot(position, List.copyOf(state.budgets())));
        }
    }

    /** The re-derived decisions of every recorded check whose positions the replay reached. */
    public List<PolicyDecision> rederived() {
        List<PolicyDecision> derived = new ArrayList<>();
        for (RecordedCheck check : checks) {
            rederive(check).ifPresent(derived::add);
        }
        return derived;
    }

    private Optional<PolicyDecision> rederive(RecordedCheck check) {
        RulesSnapshot rules = snapshots.get(check.evidence().rulesPosition());
        if (rules == null || check.spend().values().stream().anyMatch(need -> need.spentUsdMicros == null)) {
            return Optional.empty(); // Positions beyond what was replayed: reported as extra.
        }
        ScopedCheck scoped;
        try {
            scoped = CheckScope.resolve(check.evidence().request(), rules, check.evidence().checkedAt(),
                    Long.MAX_VALUE);
        } catch (CheckRefusedException refused) {
            return Optional.empty(); // The recorded check was priced; unpriceable now means it differs: extra.
        }
        List<BudgetStanding> standings = new ArrayList<>();
        for (BudgetInScope budget : scoped.budgets()) {
            SpendNeed spend = check.spend().get(budget.budgetId() + "/" + budget.periodKey());
            CheckEvidence.Budget recorded = check.evidence().budget(budget.budgetId());
            standings.add(spend == null || recorded == null ? BudgetStanding.fresh(budget.budget(), budget.period())
                    : new BudgetStanding(budget.budget(), budget.period(), spend.spentUsdMicros,
                            recorded.spentAsOfPosition(), recorded.reservedUsdMicros(), recorded.reservationCount()));
        }
        CheckVerdict verdict = CheckRule.decide(standings, scoped.estimatedCostUsdMicros());
        return Optional.of(CheckDecisions.decision(scoped, verdict, check.evidence().reservation()));
    }

    private void fold(LedgerEvent event) {
        if (event.payload() instanceof PolicyChanged changed && changed.kind() == PolicyKind.RATE_CARD) {
            try {
                rateCards = rateCards.with(RateCardVersion.of(changed, event.position()));
            } catch (InvalidRateCardException unreadable) {
                // The service's rules skip an unreadable card too (CachedRules).
            }
        } else if (event.payload() instanceof IdentityLinked link) {
            Attribution current = people.get(link.personRef());
            // As person_attribution: the latest effective time wins, at equal times the later link.
            if (current == null || !link.occurredAt().isBefore(current.effectiveFrom())) {
                people.put(link.personRef(), new Attribution(
                        new PersonAttribution(link.personRef(), link.team(), link.costCenter()), link.occurredAt()));
            }
        }
    }

    private RulesSnapshot snapshot(long position, List<BudgetVersion> budgets) {
        Map<String, PersonAttribution> attributions = new HashMap<>();
        people.forEach((personRef, attribution) -> attributions.put(personRef, attribution.person()));
        return new RulesSnapshot(position, budgets, rateCards, attributions);
    }

    /** A token estimate as the evidence recorded it. */
    static TokenCounts tokens(Map<?, ?> counts) {
        return new TokenCounts(number(counts.get("inputTokens")), number(counts.get("outputTokens")),
                number(counts.get("cacheReadTokens")), number(counts.get("cacheWrite5mTokens")),
                number(counts.get("cacheWrite1hTokens")), number(counts.get("reasoningTokens")));
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
