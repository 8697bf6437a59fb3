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
 * Compares recorded decisions with re-derived ones by decision id, as the replay goes, so that a verification
 * holds the decisions derived and not yet seen recorded, never every decision of the ledger. A re-derived decision
 * is derived at or before the position that records it (at its trigger, before its record; a check or a flag
 * clearing at its own position, just before it is compared): so when a recorded decision finds nothing waiting
 * under its id, nothing will come for it (extra), and what still waits when the replay ends was never recorded
 * (missing). The ledger records a decision id once (its idempotency key); a second record of one would count as
 * extra. Content is compared in a canonical form (JSON with sorted keys and numbers by value), because a decision
 * read back from the ledger has been through JSON once: 5 and 5L, or a list and an immutable list, are the same
 * decision.
 */
public final class DecisionComparison {
    /** Differences listed per kind; the counts are complete, the lists bounded so the answer stays small. */
    public static final int MAX_LISTED = 100;

    private final JsonMapper json;
    private final Map<String, PolicyDecision> waiting = new LinkedHashMap<>();
    private long matches;
    private long mismatchCount;
    private long extraCount;
    private final List<VerificationResult.Mismatch> mismatches = new ArrayList<>();
    private final List<PolicyDecision> extra = new ArrayList<>();

    public DecisionComparison(JsonMapper json) {
        this.json = json;
    }

    /** A decision derived again; it waits for its record (a later one under the same id replaces it). */
    public void rederived(PolicyDecision decision) {
        waiting.put(decision.decisionId(), decision);
    }

    /** A decision the ledger recorded at {@code ledgerPosition}: compared with what was derived for its id. */
    public void recorded(PolicyDecision decision, long ledgerPosition) {
        PolicyDecision derived = waiting.remove(decision.decisionId());
        if (derived == null) {
            extraCount++;
            addBounded(extra, decision);
        } else if (canonical(decision).equals(canonical(derived))) {
            matches++;
        } else {
            mismatchCount++;
            addBounded(mismatches, new VerificationResult.Mismatch(derived.decisionId(), ledgerPosition, decision,
                    derived));
        }
    }

    public VerificationResult result(long fromPosition, long toPosition, long entriesRead) {
        List<PolicyDecision> missing = new ArrayList<>();
        waiting.values().forEach(derived -> addBounded(missing, derived));
        return new VerificationResult(fromPosition, toPosition, entriesRead, matches, mismatchCount, waiting.size(),
                extraCount, List.copyOf(mismatches), missing, List.copyOf(extra));
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
