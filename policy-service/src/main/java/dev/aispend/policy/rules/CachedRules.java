package dev.aispend.policy.rules;

import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.policy.budget.BudgetContent;
import dev.aispend.policy.budget.BudgetVersion;
import dev.aispend.policy.budget.InvalidBudgetException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules checks read, rebuilt from the policy tables whenever the policy projection has moved on (here or on
 * another instance sharing the database): one cheap read of its checkpoint per call, a reload only on change.
 * Between a reload and the next, a check may use rules one delivery old; the check records the position its
 * rules reflect, so a verifier re-derives it with exactly those.
 */
@Singleton
public class CachedRules implements CurrentRules {
    private static final Logger LOG = LoggerFactory.getLogger(CachedRules.class);

    private final PolicyStore store;
    private volatile RulesSnapshot cached;

    CachedRules(PolicyStore store) {
        this.store = store;
    }

    @Override
    public RulesSnapshot current() {
        long position = store.appliedPosition();
        RulesSnapshot snapshot = cached;
        if (snapshot != null && snapshot.rulesPosition() == position) {
            return snapshot;
        }
        RulesSnapshot loaded = load(store.storedRules());
        cached = loaded;
        return loaded;
    }

    private static RulesSnapshot load(PolicyStore.StoredRules stored) {
        List<BudgetVersion> budgets = new ArrayList<>();
        for (PolicyVersion version : stored.budgets()) {
            try {
                budgets.add(new BudgetVersion(version.policyId(), version.version(), version.ledgerPosition(),
                        BudgetContent.parse(version.content())));
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
        return new RulesSnapshot(stored.position(), budgets, book, stored.people());
    }
}
