package dev.aispend.policy.verification;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares recorded decisions with re-derived ones by decision id. Content is compared in a canonical form (JSON
 * with sorted keys and numbers by value), because a decision read back from the ledger has been through JSON
 * once: 5 and 5L, or a list and an immutable list, are the same decision.
 */
public final class DecisionComparison {
    /** Differences listed per kind; the counts are complete, the lists bounded so the answer stays small. */
    public static final int MAX_LISTED = 100;

    private final JsonMapper json;
    private final Map<String, PolicyDecision> rederived = new LinkedHashMap<>();
    private final Map<String, PolicyDecision> recorded = new LinkedHashMap<>();
    private final Map<String, Long> recordedPositions = new LinkedHashMap<>();

    public DecisionComparison(JsonMapper json) {
        this.json = json;
    }

    public void rederived(PolicyDecision decision) {
        rederived.put(decision.decisionId(), decision);
    }

    /** The ledger records a decision id once; should it hold one twice, the first is what counts. */
    public void recorded(PolicyDecision decision, long ledgerPosition) {
        recorded.putIfAbsent(decision.decisionId(), decision);
        recordedPositions.putIfAbsent(decision.decisionId(), ledgerPosition);
    }

    public VerificationResult result(long fromPosition, long toPosition, long entriesRead) {
        long matches = 0;
        long mismatchCount = 0;
        long missingCount = 0;
        List<VerificationResult.Mismatch> mismatches = new ArrayList<>();
        List<PolicyDecision> missing = new ArrayList<>();
        for (PolicyDecision derived : rederived.values()) {
            PolicyDecision held = recorded.get(derived.decisionId());
            if (held == null) {
                missingCount++;
                addBounded(missing, derived);
            } else if (canonical(held).equals(canonical(derived))) {
                matches++;
            } else {
                mismatchCount++;
                addBounded(mismatches, new VerificationResult.Mismatch(derived.decisionId(),
                        recordedPositions.get(derived.decisionId()), held, derived));
            }
        }
        List<PolicyDecision> extra = new ArrayList<>();
        long extraCount = 0;
        for (PolicyDecision held : recorded.values()) {
            if (!rederived.containsKey(held.decisionId())) {
                extraCount++;
                addBounded(extra, held);
            }
        }
        return new VerificationResult(fromPosition, toPosition, entriesRead, matches, mismatchCount, missingCount,
                extraCount, mismatches, missing, extra);
    }

    private static <T> void addBounded(List<T> list, T item) {
        if (list.size() < MAX_LISTED) {
            list.add(item);
        }
    }

    private Object canonical(PolicyDecision decision) {
        try {
            return normalized(json.readValue(json.writeValueAsString(decision), Argument.OBJECT_ARGUMENT));
        } catch (IOException failure) {
            throw new UncheckedIOException("could not compare decision " + decision.decisionId(), failure);
        }
    }

    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    sorted.put(String.valueOf(key), normalized(item));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DecisionComparison::normalized).toList();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value;
    }
}
