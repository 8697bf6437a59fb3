package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.InvalidBudgetException;
import dev.aispend.platform.budget.PeriodWindow;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A second, deliberately plain reading of the ledger for the property test: the clock, the budget version in
 * force, and every budget's spend per period as brute sums, with no decision state at all. The test judges the
 * evaluator's decisions against it.
 */
final class BudgetOracle {
    private Instant clock;
    private Instant previousClock;
    private Map<String, BudgetVersion> versions = new HashMap<>();
    private Map<String, BudgetVersion> previousVersions = Map.of();
    private final Map<String, Map<String, Long>> spent = new HashMap<>();
    /** This step: the period each budget counted spend in, and the budget whose active version was installed. */
    private final Map<String, String> counted = new HashMap<>();
    private String installed;

    void step(LedgerEvent event) {
        previousClock = clock;
        previousVersions = Map.copyOf(versions);
        counted.clear();
        installed = null;
        LedgerPayload payload = LedgerPayloadDecoder.upcast(event.payload());
        if (payload instanceof SpendRecorded spend) {
            moveClock(spend.occurredAt());
            count(spend.costCenter(), spend.team(), spend.personRef(), spend.purpose(), spend.model(),
                    spend.occurredAt(), spend.spend().costUsdMicros());
        } else if (payload instanceof SpendRepriced repricing) {
            count(repricing.costCenter(), repricing.team(), repricing.personRef(), repricing.purpose(),
                    repricing.model(), repricing.occurredAt(), repricing.costDeltaUsdMicros());
        } else if (payload instanceof PolicyChanged change) {
            moveClock(change.occurredAt());
            if (change.kind() == PolicyKind.BUDGET) {
                install(change, event.position());
            }
        } else if (payload instanceof OutcomeRecorded outcome) {
            moveClock(outcome.occurredAt());
        }
    }

    private void moveClock(Instant time) {
        if (clock == null || time.isAfter(clock)) {
            clock = time;
        }
    }

    private void count(String costCenter, String team, String personRef, String purpose, String model,
                       Instant occurredAt, long cost) {
        if (cost == 0) {
            return;
        }
        versions.forEach((budgetId, version) -> {
            BudgetDefinition definition = version.definition();
            if (definition.active() && definition.scope().covers(costCenter, team, personRef, purpose, model)) {
                String key = definition.period().windowOf(occurredAt).key();
                spent.computeIfAbsent(budgetId, unused -> new HashMap<>()).merge(key, cost, Math::addExact);
                counted.put(budgetId, key);
            }
        });
    }

    private void install(PolicyChanged change, long position) {
        try {
            BudgetDefinition definition = BudgetContent.parse(change.content());
            versions.put(change.policyId(), new BudgetVersion(change.policyId(), change.version(), position,
                    definition));
            if (definition.active()) {
                installed = change.policyId();
            }
        } catch (InvalidBudgetException invalid) {
            // The version before stays in force.
        }
    }

    Instant clock() {
        return clock;
    }

    Instant previousClock() {
        return previousClock;
    }

    boolean clockMoved() {
        return clock != null && !clock.equals(previousClock);
    }

    BudgetVersion version(String budgetId) {
        return versions.get(budgetId);
    }

    Map<String, BudgetVersion> versions() {
        return versions;
    }

    Map<String, BudgetVersion> previousVersions() {
        return previousVersions;
    }

    long spent(String budgetId, String periodKey) {
        return spent.getOrDefault(budgetId, Map.of()).getOrDefault(periodKey, 0L);
    }

    Map<String, String> counted() {
        return counted;
    }

    String installed() {
        return installed;
    }

    /** The forecast condition of linear-v1, written out again from its definition. */
    static boolean forecastHolds(PeriodWindow window, Instant clock, long spent, long amount) {
        long elapsed = Duration.between(window.start(), clock).toMillis();
        long length = Duration.between(window.start(), window.end()).toMillis();
        return clock.isBefore(window.end()) && elapsed >= 24L * 3600 * 1000 && spent < amount && spent > 0
                && BigInteger.valueOf(spent).multiply(BigInteger.valueOf(length))
                .compareTo(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(elapsed))) >= 0;
    }
}
