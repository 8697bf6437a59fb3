package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpStatus;

import java.sql.SQLException;
import java.util.List;

/**
 * The answer to a repricingId that the ledger has already applied (its idempotency keys exist): the counts of
 * that application, recomputed from the ledger, never a second set of corrections. The ledger only grows, so
 * the selection as of the position before the first correction is exactly the one the re-pricing saw; that
 * gives "unchanged" and "skipped", the corrections give the rest. A repeat that asks for another card or model,
 * or whose window does not hold what was corrected, is a different request under a used id: 409.
 */
final class RepricingRepeat {

    private RepricingRepeat() {
    }

    static RepricingResult answer(Repricing repricing, RateCardVersion card, List<RepricingStore.RecordedKey> keys,
                                  RepricingStore store, int maxRecords) throws SQLException {
        for (RepricingStore.RecordedKey key : keys) {
            String expected = RepricingKeys.contentSha256(repricing.repricingId(), key.originalPosition(),
                    repricing.rateCardId(), repricing.rateCardVersion());
            if (!expected.equals(key.contentSha256())) {
                throw conflict(repricing, "was applied with another rate card version");
            }
        }
        List<Long> positions = keys.stream().map(RepricingStore.RecordedKey::position).sorted().toList();
        List<SpendRepriced> corrections = store.repricedAt(positions);
        if (corrections.size() != keys.size()) {
            throw new IllegalStateException("repricing " + repricing.repricingId() + " has " + keys.size()
                    + " keys but " + corrections.size() + " SpendRepriced entries at their positions");
        }
        long costDelta = 0;
        for (SpendRepriced correction : corrections) {
            if (!correction.model().equals(repricing.model())
                    || correction.occurredAt().isBefore(repricing.occurredFrom())
                    || !correction.occurredAt().isBefore(repricing.occurredTo())) {
                throw conflict(repricing, "was applied to another model or window");
            }
            costDelta = Math.addExact(costDelta, correction.costDeltaUsdMicros());
        }
        long first = positions.get(0);
        List<SpendCandidate> seen = store.spendInWindow(repricing.model(), repricing.occurredFrom(),
                repricing.occurredTo(), first - 1, maxRecords + 1);
        int otherProvider = (int) seen.stream().filter(candidate -> candidate.recorded().provider() != null
                && !candidate.recorded().provider().equalsIgnoreCase(card.card().provider())).count();
        int unchanged = Math.max(0, seen.size() - otherProvider - corrections.size());
        return new RepricingResult(repricing.repricingId(), corrections.size(), unchanged, otherProvider, costDelta,
                new RepricingResult.AppendedPositions(first, positions.get(positions.size() - 1),
                        positions.size()), true);
    }

    private static RepricingRefusedException conflict(Repricing repricing, String problem) {
        return new RepricingRefusedException(HttpStatus.CONFLICT, "repricingId " + repricing.repricingId()
                + " " + problem + "; use a new repricingId for a new re-pricing",
                List.of(new FieldError("repricingId", problem)));
    }
}
