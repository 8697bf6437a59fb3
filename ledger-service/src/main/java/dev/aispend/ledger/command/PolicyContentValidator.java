package dev.aispend.ledger.command;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCard;

import java.util.List;
import java.util.Map;

/**
 * Checks a policy's content for its kind before the ledger records it; pure. Rate cards are checked fully here,
 * because the ledger prices with them; the other kinds are checked by policy-service, which owns their schemas,
 * and here only for being a bounded JSON object.
 */
public class PolicyContentValidator {
    /** Top-level fields of one policy's content: a bound, so one request cannot bloat the ledger. */
    static final int MAX_TOP_LEVEL_FIELDS = 200;

    public List<String> problems(PolicyKind kind, Map<String, Object> content) {
        if (content.size() > MAX_TOP_LEVEL_FIELDS) {
            return List.of("content has more than " + MAX_TOP_LEVEL_FIELDS + " fields");
        }
        if (kind == PolicyKind.RATE_CARD) {
            try {
                RateCard.parse(content);
            } catch (InvalidRateCardException invalid) {
                return invalid.problems().stream().map(problem -> problem.field() + ": " + problem.message())
                        .toList();
            }
        }
        return List.of();
    }
}
