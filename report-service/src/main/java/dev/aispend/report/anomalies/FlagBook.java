package dev.aispend.report.anomalies;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anomaly flags and their clearings as the ledger recorded them, resolved: a flag is open until an
 * ANOMALY_CLEARED decision for it ({@code evidence.flagDecisionId}, policy-service gamification/FlagClearances)
 * recorded after it; then cleared, by the earliest such decision. Totals count a person's window once however many
 * rules flagged it (its largest flagged spend, as policy-service's "under review" does); a window with any open
 * flag is open, one whose every flag was cleared is cleared. A week and the month around it are different windows
 * and may overlap. Pure.
 */
public final class FlagBook {
    private FlagBook() {
    }

    /** A recorded ANOMALY_FLAGGED (policy-service decision/GamificationDecisions), dated at its window's end. */
    public record Flag(long position, String decisionId, String ruleId, long ruleVersion, @Nullable String rule,
                       @Nullable String name, @Nullable String team, String personRef, @Nullable String windowKey,
                       long flaggedSpendUsdMicros, Instant flaggedAt) {
    }

    /** A recorded ANOMALY_CLEARED: which flag, by whom and why (its evidence), when and where recorded. */
    public record Clearing(long position, String decisionId, String flagDecisionId, @Nullable String actor,
                           @Nullable String reason, Instant clearedAt) {
    }

    /** A flag and its clearing, null while it is open. */
    public record Resolved(Flag flag, @Nullable Clearing clearing) {
        public boolean open() {
            return clearing == null;
        }
    }

    /** Flags counted, windows counted (each person's window once) and the windows' flagged spend. */
    public record Sum(long flags, long windows, long spendUsdMicros) {
        public static final Sum ZERO = new Sum(0, 0, 0);
    }

    /** Open, cleared, and both: {@code all.spendUsdMicros == open.spendUsdMicros + cleared.spendUsdMicros}. */
    public record Totals(Sum open, Sum cleared, Sum all) {
        public static final Totals NONE = new Totals(Sum.ZERO, Sum.ZERO, Sum.ZERO);
    }

    /** Each flag (in the order given) with the earliest clearing of it recorded after it. */
    public static List<Resolved> resolve(List<Flag> flags, List<Clearing> clearings) {
        Map<String, Clearing> earliest = new HashMap<>();
        Map<String, Long> flagPositions = new HashMap<>();
        flags.forEach(flag -> flagPositions.put(flag.decisionId(), flag.position()));
        for (Clearing clearing : clearings) {
            Long flagged = flagPositions.get(clearing.flagDecisionId());
            if (flagged == null || clearing.position() <= flagged) {
                continue;
            }
            earliest.merge(clearing.flagDecisionId(), clearing,
                    (first, second) -> first.position() <= second.position() ? first : second);
        }
        List<Resolved> resolved = new ArrayList<>(flags.size());
        flags.forEach(flag -> resolved.add(new Resolved(flag, earliest.get(flag.decisionId()))));
        return resolved;
    }

    public static Totals totals(List<Resolved> flags) {
        /* Per person and window key: the largest flagged spend, and whether any of its flags is open. */
        Map<List<String>, long[]> windows = new LinkedHashMap<>();
        long openFlags = 0;
        for (Resolved resolved : flags) {
            Flag flag = resolved.flag();
            long[] window = windows.computeIfAbsent(java.util.Arrays.asList(flag.personRef(), flag.windowKey()),
                    unused -> new long[] {Long.MIN_VALUE, 0});
            window[0] = Math.max(window[0], flag.flaggedSpendUsdMicros());
            if (resolved.open()) {
                window[1] = 1;
                openFlags++;
            }
        }
        long openWindows = 0;
        long openSpend = 0;
        long clearedSpend = 0;
        for (long[] window : windows.values()) {
            if (window[1] == 1) {
                openWindows++;
                openSpend = Math.addExact(openSpend, window[0]);
            } else {
                clearedSpend = Math.addExact(clearedSpend, window[0]);
            }
        }
        Sum open = new Sum(openFlags, openWindows, openSpend);
        Sum cleared = new Sum(flags.size() - openFlags, windows.size() - openWindows, clearedSpend);
        return new Totals(open, cleared, new Sum(flags.size(), windows.size(), Math.addExact(openSpend,
                clearedSpend)));
    }
}
