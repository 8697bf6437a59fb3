package dev.aispend.report.budgets;

import dev.aispend.platform.budget.PeriodWindow;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A budget period's burn-down, from what the budget counted per local day (in its zone): one row per day from the
 * period's first day through the ledger clock's day (the period's last day once the clock has left it, none
 * before it begins), plus any other day something was counted on, so the last cumulative figure is always the
 * period's spend. Remaining is amount − cumulative, never clamped (overspend shows as negative). Pure.
 */
public final class BurnDown {
    private BurnDown() {
    }

    static List<BudgetReport.Day> series(PeriodWindow window, ZoneId zone, @Nullable Instant clock,
                                         Map<LocalDate, Long> spentByDay, long amountUsdMicros) {
        TreeMap<LocalDate, Long> days = new TreeMap<>(spentByDay);
        LocalDate first = LocalDate.ofInstant(window.start(), zone);
        LocalDate last = LocalDate.ofInstant(window.end().minusNanos(1), zone);
        if (clock != null && clock.isBefore(window.start())) {
            last = first.minusDays(1);
        } else if (clock != null && window.contains(clock)) {
            last = LocalDate.ofInstant(clock, zone);
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.putIfAbsent(day, 0L);
        }
        List<BudgetReport.Day> series = new ArrayList<>(days.size());
        long cumulative = 0;
        for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
            cumulative = Math.addExact(cumulative, day.getValue());
            series.add(new BudgetReport.Day(day.getKey(), day.getValue(), cumulative,
                    Math.subtractExact(amountUsdMicros, cumulative)));
        }
        return series;
    }

    /**
     * spent × 100 / amount, to 2 decimals rounded down (toward −∞), so it shows at least a threshold's percent
     * exactly when policy-service's rule (spent × 100 ≥ amount × percent) says the threshold is reached.
     */
    public static BigDecimal percentUsed(long spentUsdMicros, long amountUsdMicros) {
        return BigDecimal.valueOf(spentUsdMicros).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(amountUsdMicros), 2, RoundingMode.FLOOR);
    }
}
