package dev.aispend.policy.antigaming;

import dev.aispend.policy.activity.RuleWindow;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An ANOMALY_RULE policy's content; which fields matter depends on {@code rule} ({@link AnomalyKind}). A rule is
 * judged per person when its window closes ({@code ISO_WEEK} or {@code MONTH}, in {@code timeZone}); a flag is a
 * decision in the ledger, cleared only by a reviewer's decision.
 */
public record AnomalyDefinition(String name, AnomalyKind rule, RuleWindow window, long minimumSpendUsdMicros,
                                int multiplePercent, long minimumMergedPrs, LocalTime offHoursFrom,
                                LocalTime offHoursTo, int minimumOffHoursCalls, int minimumOffHoursHours,
                                int minimumNights, int minimumCalls, ZoneId timeZone, boolean active) {
    public AnomalyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(offHoursFrom, "offHoursFrom");
        Objects.requireNonNull(offHoursTo, "offHoursTo");
        Objects.requireNonNull(timeZone, "timeZone");
        if (window == RuleWindow.ALL_TIME) {
            throw new IllegalArgumentException("an anomaly rule's window closes: ISO_WEEK or MONTH");
        }
    }

    /** Whether {@code time} (local, in the rule's zone) is in the off-hours; they may wrap past midnight. */
    public boolean offHours(LocalTime time) {
        return offHoursFrom.isAfter(offHoursTo) ? !time.isBefore(offHoursFrom) || time.isBefore(offHoursTo)
                : !time.isBefore(offHoursFrom) && time.isBefore(offHoursTo);
    }
}
