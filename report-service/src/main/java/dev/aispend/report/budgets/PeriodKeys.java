package dev.aispend.report.budgets;

import dev.aispend.platform.budget.BudgetPeriod;
import dev.aispend.platform.budget.PeriodWindow;
import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code period} a budget report is asked for, as a period key the way budgets name their periods
 * ({@link BudgetPeriod#windowOf}): {@code 2026-10} (a month), {@code 2026-Q4} (a quarter) or {@code 2026} (a
 * year). Each budget answers for its own period that contains the first day of the asked one, in its own zone:
 * the asked period itself when the units agree, else (say {@code 2026-10} of a quarterly budget) the enclosing or
 * overlapping period of the budget's unit ({@code 2026-Q4}). Pure: no clock.
 */
final class PeriodKeys {
    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    private PeriodKeys() {
    }

    /** The first day a period key names, or null when it is not a key (or not a date: month 13). */
    @Nullable
    static LocalDate firstDay(String key) {
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return null;
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1) {
            return null;
        }
        try {
            if (matcher.group(2) != null) {
                return LocalDate.of(year, Integer.parseInt(matcher.group(2)), 1);
            }
            if (matcher.group(3) != null) {
                return LocalDate.of(year, (Integer.parseInt(matcher.group(3)) - 1) * 3 + 1, 1);
            }
            return LocalDate.of(year, 1, 1);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** The budget's period that contains the first day of the asked period, in the budget's zone. */
    static PeriodWindow windowOf(BudgetPeriod period, LocalDate firstDay) {
        return period.windowOf(firstDay.atStartOfDay(ZoneId.of(period.timeZone())).toInstant());
    }
}
