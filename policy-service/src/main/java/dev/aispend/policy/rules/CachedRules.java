package dev.aispend.policy.rules;

import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.InvalidBudgetException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules checks read, rebuilt from the policy tables whenever an entry changed them (here or on another
 * instance sharing the database): {@link #current()} reads the rules head and reloads only when it moved (spend does
 * not move it); {@link #lastLoaded()} reads nothing, for checks, which compare the head in their own transaction. A
 * check records the rules position it used, so a verifier re-derives it with exactly those.
 */
@Singleton
public class CachedRules implements CurrentRules {
    private static final Logger LOG = LoggerFactory.getLogger(CachedRules.class);

    private final PolicyStore store;
    private final Object reloading = new Object();
    private volatile RulesSnapshot cached;

    CachedRules(PolicyStore store) {
        this.store = store;
    }

    @Override
    public RulesSnapshot current() {
        long position = store.rulesPosition();
        RulesSnapshot snapshot = cached;
        if (snapshot != null && snapshot.rulesPosition() == position) {
            return snapshot;
        }
        // One reload at a time: the checks that saw the head move at once wait for it rather than each reloading.
        synchronized (reloading) {
            RulesSnapshot latest = cached;
            if (latest != null && latest.rulesPosition() == position) {
                return latest;
            }
            RulesSnapshot loaded = load(store.storedRules());
            cached = loaded;
            return loaded;
        }
    }

    @Override
    public RulesSnapshot lastLoaded() {
        RulesSnapshot snapshot = cached;
        return snapshot != null ? snapshot : current();
    }

    private static RulesSnapshot load(PolicyStore.StoredRules stored) {
        // Every version in order, each budget keeping its latest readable one, as the evaluator does.
        Map<String, BudgetVersion> budgets = new LinkedHashMap<>();
        for (PolicyVersion version : stored.budgets()) {
            try {
                budgets.put(version.policyId(), new BudgetVersion(version.policyId(), version.version(),
                        version.ledgerPosition(), BudgetContent.parse(version.content())));
            } catch (InvalidBudgetException invalid) {
                LOG.error("budget {} version {} in the ledger does not parse; checks ignore it: {}",
                        version.policyId(), version.version(), invalid.getMessage());
            }
        }
        RateCardBook book = RateCardBook.empty();
        for (PolicyVersion version : stored.rateCards()) {
            try {
                book = book.with(new RateCardVersion(version.policyId(), version.version(), version.effectiveFrom(),
                        version.ledgerPosition(), RateCard.parse(version.content())));
            } catch (InvalidRateCardException invalid) {
                LOG.error("rate card {} version {} in the ledger does not parse; checks ignore it",
                        version.policyId(), version.version());
            }
        }
        return new RulesSnapshot(stored.position(), List.copyOf(budgets.values()), book, stored.people());
    }
}
