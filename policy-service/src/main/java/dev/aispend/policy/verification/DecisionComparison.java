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
 * holds the decisions derived and not yet seen recorded, never every decision of the ledger. A decision is derived
 * at or before the position that records it (at its trigger, before its record; a check or a flag clearing at its
 * own position, just before it is compared), so a record compares with what waits under its id and both are
 * dropped. A record with nothing waiting is held until the end, up to {@link #MAX_HELD_RECORDS} of them: should the
 * replay derive its id later (a rule that decides differently now, at a later position), the two are compared (a
 * mismatch, both sides listed) instead of counting an extra and a missing; what is still held at the end is extra,
 * past the bound it is counted extra at once. What still waits at the end was never recorded (missing). The ledger
 * records a decision id once (its idempotency key); a second record of one would count as extra. Content is
 * compared in a canonical form (JSON with sorted keys and numbers by value), because a decision read back from the
 * ledger has been through JSON once: 5 and 5L, or a list and an immutable list, are the same decision.
 */
public final class DecisionComparison {
    /** Differences listed per kind; the counts are complete, the lists bounded so the answer stays small. */
    public static final int MAX_LISTED = 100;
    /** Records without a derivation held for a later one: a few KB each, a few in a sound ledger. */
    public static final int MAX_HELD_RECORDS = 10_000;

    private record Held(PolicyDecision decision, long ledgerPosition) {
    }

    private final JsonMapper json;
    private final Map<String, PolicyDecision> waiting = new LinkedHashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();
    private long matches;
    private long mismatchCount;
    private long extraCount;
    private final List<VerificationResult.Mismatch> mismatches = new ArrayList<>();
    private final List<PolicyDecision> extra = new ArrayList<>();

    public DecisionComparison(JsonMapper json) {
        this.json = json;
    }

    /** A decision derived again: compared with its record if one is held, else it waits for it. */
    public void rederived(PolicyDecision decision) {
        Held record = held.remove(decision.decisionId());
        if (record != null) {
            compare(record.decision(), record.ledgerPosition(), decision);
        } else {
            waiting.put(decision.decisionId(), decision); // a later one under the same id replaces it
        }
    }

    /** A decision the ledger recorded at {@code ledgerPosition}: compared with what was derived for its id. */
    public void recorded(PolicyDecision decision, long ledgerPosition) {
        PolicyDecision derived = waiting.remove(decision.decisionId());
        if (derived != null) {
            compare(decision, ledgerPosition, derived);
        } else if (held.size() < MAX_HELD_RECORDS && !held.containsKey(decision.decisionId())) {
            held.put(decision.decisionId(), new Held(decision, ledgerPosition));
        } else {
            countExtra(decision);
        }
    }

    public VerificationResult result(long fromPosition, long toPosition, long entriesRead) {
        held.values().forEach(record -> countExtra(record.decision()));
        held.clear();
        List<PolicyDecision> missing = new ArrayList<>();
        waiting.values().forEach(derived -> addBounded(missing, derived));
        return new VerificationResult(fromPosition, toPosition, entriesRead, matches, mismatchCount, waiting.size(),
                extraCount, List.copyOf(mismatches), missing, List.copyOf(extra));
    }

    private void compare(PolicyDecision recorded, long ledgerPosition, PolicyDecision derived) {
        if (canonical(recorded).equals(canonical(derived))) {
            matches++;
        } else {
            mismatchCount++;
            addBounded(mismatches, new VerificationResult.Mismatch(derived.decisionId(), ledgerPosition, recorded,
                    derived));
        }
    }

    private void countExtra(PolicyDecision recorded) {
        extraCount++;
        addBounded(extra, recorded);
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
