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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-derives recorded CHECK decisions from the ledger, for compliance. A check decided from the rules at its
 * {@code rulesPosition}, each budget's spend as of its {@code spentAsOfPosition}, and the reservations it counted
 * (recorded in its evidence: holds are not ledger facts). Those positions come before the check's own, so: a
 * first read of the recorded checks notes what each will need ({@link #need}: positions, budget and period, a few
 * hundred bytes a check, not the decision); the replay calls {@link #afterEntry} after each entry, which keeps the
 * rules and the spend the checks need, at exactly their positions; and when the replay reaches a recorded check,
 * {@link #rederive} runs the same scope resolution, rule and decision writer the service ran, and forgets what
 * that check needed (the rules' snapshot with the last check that used it). The caller compares the result with the
 * recorded decision there and then, so a verification holds what the checks still to come need, never every check
 * of the ledger. A check whose evidence names a position after its own record (no honest check can: the service
 * decided from what it had applied) finds nothing there yet and is not re-derived: it shows as recorded only.
 */
public final class CheckRederivation {
    public static final String KIND = CheckDecisions.KIND;
    private final int maxChecks;
    private final Map<Long, CheckNeed> byRecordedPosition = new HashMap<>();
    private final Map<Long, List<SpendNeed>> bySpendPosition = new HashMap<>();
    private final Map<Long, RulesSnapshot> snapshots = new HashMap<>();
    /** Per rules position, the checks still to re-derive with it: its snapshot is dropped after the last. */
    private final Map<Long, Integer> checksByRulesPosition = new HashMap<>();
    /** Budget ids and period keys, one instance each: thousands of checks name the same few. */
    private final Map<String, String> names = new HashMap<>();
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

    /** What one recorded check needs: the rules at a position, and per budget and period its spend. */
    private record CheckNeed(long rulesPosition, SpendNeed[] spend) {
        SpendNeed spendOf(String budgetId, String periodKey) {
            for (SpendNeed need : spend) {
                if (Objects.equals(need.budgetId, budgetId) && Objects.equals(need.periodKey, periodKey)) {
                    return need;
                }
            }
            return null;
        }
    }

    /**
     * @param maxChecks the most recorded checks one job's range may hold: each one's needs are kept from the first
     *                  read until the replay reaches the check
     */
    public CheckRederivation(int maxChecks) {
        if (maxChecks < 1) {
            throw new IllegalArgumentException("maxChecks must be positive");
        }
        this.maxChecks = maxChecks;
    }

    /** First read: a CHECK decision the ledger holds at {@code recordedPosition}, to re-derive there. */
    public void need(PolicyDecision decision, long recordedPosition) {
        if (byRecordedPosition.size() >= maxChecks) {
            throw new IllegalStateException("the range holds more than " + maxChecks + " recorded checks, the most "
                    + "one verification re-derives (policy.verification.max-checks, POLICY_VERIFICATION_MAX_CHECKS): "
                    + "verify a shorter range (fromPosition, toPosition)");
        }
        CheckEvidence evidence = CheckEvidence.of(decision);
        List<SpendNeed> spend = new ArrayList<>();
        for (CheckEvidence.Budget budget : evidence.budgets()) {
            SpendNeed need = new SpendNeed(name(budget.budgetId()), name(budget.periodKey()));
            if (budget.spentAsOfPosition() == 0) {
                need.spentUsdMicros = 0L; // Nothing counted yet when the check read it.
            } else {
                bySpendPosition.computeIfAbsent(budget.spentAsOfPosition(), ignored -> new ArrayList<>()).add(need);
            }
            spend.add(need);
        }
        byRecordedPosition.put(recordedPosition, new CheckNeed(evidence.rulesPosition(),
                spend.toArray(new SpendNeed[0])));
        snapshots.putIfAbsent(evidence.rulesPosition(), null);
        checksByRulesPosition.merge(evidence.rulesPosition(), 1, Integer::sum);
        if (evidence.rulesPosition() == 0) {
            snapshots.put(0L, snapshot(0, List.of()));
        }
    }

    public boolean isEmpty() {
        return byRecordedPosition.isEmpty();
    }

    /** The replay: after the evaluator applied {@code event} to {@code state}. */
    public void afterEntry(LedgerEvent event, EvaluatorState state) {
        fold(event);
        long position = event.position();
        List<SpendNeed> needs = bySpendPosition.remove(position);
        if (needs != null) {
            for (SpendNeed need : needs) {
                need.spentUsdMicros = state.tally(need.budgetId, need.periodKey).map(PeriodTally::spentUsdMicros)
                        .orElse(0L);
            }
        }
        if (snapshots.containsKey(position) && snapshots.get(position) == null) {
            snapshots.put(position, snapshot(position, List.copyOf(state.budgets())));
        }
    }

    /**
     * The replay reached the check recorded at {@code recordedPosition}: its re-derived decision, if the first
     * read noted it and the positions it needs were replayed (else empty: compared, it shows as recorded only).
     */
    public Optional<PolicyDecision> rederive(PolicyDecision recorded, long recordedPosition) {
        CheckNeed need = byRecordedPosition.remove(recordedPosition);
        if (need == null) {
            return Optional.empty();
        }
        CheckEvidence evidence = CheckEvidence.of(recorded);
        RulesSnapshot rules = snapshots.get(need.rulesPosition());
        if (checksByRulesPosition.merge(need.rulesPosition(), -1, Integer::sum) == 0) {
            // The last check decided with these rules: their snapshot (a copy of every person's team) goes.
            checksByRulesPosition.remove(need.rulesPosition());
            snapshots.remove(need.rulesPosition());
        }
        if (rules == null || Arrays.stream(need.spend()).anyMatch(spend -> spend.spentUsdMicros == null)) {
            return Optional.empty();
        }
        ScopedCheck scoped;
        try {
            scoped = CheckScope.resolve(evidence.request(), rules, evidence.checkedAt(), Long.MAX_VALUE);
        } catch (CheckRefusedException refused) {
            return Optional.empty(); // The recorded check was priced; unpriceable now means it differs.
        }
        List<BudgetStanding> standings = new ArrayList<>();
        for (BudgetInScope budget : scoped.budgets()) {
            SpendNeed spend = need.spendOf(budget.budgetId(), budget.periodKey());
            CheckEvidence.Budget held = evidence.budget(budget.budgetId());
            standings.add(spend == null || held == null ? BudgetStanding.fresh(budget.budget(), budget.period())
                    : new BudgetStanding(budget.budget(), budget.period(), spend.spentUsdMicros,
                            held.spentAsOfPosition(), held.reservedUsdMicros(), held.reservationCount()));
        }
        CheckVerdict verdict = CheckRule.decide(standings, scoped.estimatedCostUsdMicros());
        return Optional.of(CheckDecisions.decision(scoped, verdict, evidence.reservation()));
    }

    private String name(String value) {
        return value == null ? null : names.computeIfAbsent(value, same -> same);
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
