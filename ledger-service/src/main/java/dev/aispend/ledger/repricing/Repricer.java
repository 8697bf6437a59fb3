package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.ledger.append.AppendContext;
import dev.aispend.ledger.append.LedgerAppender;
import dev.aispend.platform.pricing.ModelPrice;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Re-prices recorded spend with a recorded rate card version, in ONE appending transaction: the card is looked
 * up in the book of cards recorded before (never an unrecorded price), the spend and its earlier corrections are
 * read under the ledger head lock, and every correction is appended as a {@link SpendRepriced} with its own
 * idempotency key, or, on any refusal, nothing is. The original entries are only read.
 */
@Singleton
final class Repricer {
    private final LedgerAppender appender;
    private final RepricingStore store;
    private final RepricingConfiguration configuration;
    private final Clock clock = Clock.systemUTC();

    Repricer(LedgerAppender appender, RepricingStore store, RepricingConfiguration configuration) {
        this.appender = appender;
        this.store = store;
        this.configuration = configuration;
    }

    /** Applies {@code repricing}, or answers what it did if it was applied before; throws RepricingRefused. */
    RepricingResult reprice(Repricing repricing) throws Exception {
        return appender.append(context -> {
            RateCardVersion card = recordedCard(context.rateCards(), repricing);
            ModelPrice price = card.card().priceOf(repricing.model()).orElseThrow(() ->
                    RepricingRefusedException.badRequest("model", "rate card " + repricing.rateCardId()
                            + " version " + repricing.rateCardVersion() + " does not list " + repricing.model()));
            List<RepricingStore.RecordedKey> recorded = store.recordedKeys(repricing.repricingId());
            if (!recorded.isEmpty()) {
                return RepricingRepeat.answer(repricing, card, recorded, store, configuration.maxRecords());
            }
            List<SpendCandidate> candidates = selectSpend(repricing, context.headBefore());
            Map<Long, Spend> latest = store.latestRepricedSpend(repricing.model(),
                    repricing.occurredFrom(), repricing.occurredTo());
            RepricingPlanner.Plan plan = RepricingPlanner.plan(repricing, card, price, candidates, latest,
                    clock.instant());
            return append(context, repricing, plan);
        });
    }

    private static RateCardVersion recordedCard(RateCardBook book, Repricing repricing) {
        List<RateCardVersion> versions = book.versionsOf(repricing.rateCardId());
        if (versions.isEmpty()) {
            throw RepricingRefusedException.badRequest("rateCardId", "no rate card " + repricing.rateCardId()
                    + " is recorded in the ledger");
        }
        return versions.stream().filter(version -> version.version() == repricing.rateCardVersion()).findFirst()
                .orElseThrow(() -> RepricingRefusedException.badRequest("rateCardVersion", "rate card "
                        + repricing.rateCardId() + " has no recorded version " + repricing.rateCardVersion()
                        + " (recorded: 1.." + versions.get(versions.size() - 1).version() + ")"));
    }

    /** The spend of the window up to the locked head; refuses a window above the limit rather than truncate. */
    List<SpendCandidate> selectSpend(Repricing repricing, long head) throws Exception {
        int limit = configuration.maxRecords();
        List<SpendCandidate> candidates = store.spendInWindow(repricing.model(), repricing.occurredFrom(),
                repricing.occurredTo(), head, limit + 1);
        if (candidates.size() > limit) {
            throw RepricingRefusedException.badRequest("occurredTo", "the window holds more than " + limit
                    + " spend records of " + repricing.model() + " (ledger.repricing.max-records); narrow it");
        }
        return candidates;
    }

    private static RepricingResult append(AppendContext context, Repricing repricing, RepricingPlanner.Plan plan) {
        for (SpendRepriced correction : plan.corrections()) {
            context.publish(correction, RepricingKeys.of(repricing.repricingId(), correction.originalPosition(),
                    repricing.rateCardId(), repricing.rateCardVersion()));
        }
        int count = plan.corrections().size();
        // Appended at the positions right after the locked head, in order (the appender checks it before commit).
        RepricingResult.AppendedPositions positions = count == 0 ? RepricingResult.AppendedPositions.none()
                : new RepricingResult.AppendedPositions(context.headBefore() + 1, context.headBefore() + count,
                count);
        return new RepricingResult(repricing.repricingId(), count, plan.unchanged(), plan.otherProvider(),
                plan.costDeltaUsdMicros(), positions, false);
    }
}
