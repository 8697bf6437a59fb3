package dev.aispend.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A person's usage over the period, day by day. A person's weight sets their spend for the period; light users work
 * with AI on a few days, heavy users on every working day (and some weekends) and for more hours, in parallel
 * sessions. Each active day gets a spend target around the person's daily level, filled with uses of their client.
 * Only uses reported inside the period are kept.
 */
final class UsageGenerator {
    /** What a person of weight 1 spends in 30 days, in USD micros. */
    static final long MONTHLY_USD_MICROS_PER_WEIGHT = 18_000_000L;
    private static final double USES_PER_LIGHT_DAY = 1.0;

    private final DemoSpec spec;

    UsageGenerator(DemoSpec spec) {
        this.spec = spec;
    }

    List<Use> uses(Person person, int personIndex, Random random) {
        DayShapes shapes = new DayShapes(spec, person, personIndex, random);
        long target = (long) (MONTHLY_USD_MICROS_PER_WEIGHT * person.weight() * spec.days() / 30.0);
        long weekdays = days(true);
        double activeDays = Math.min(weekdays * 0.95, Math.max(2, target / (double) typicalUse(person.client())
                / USES_PER_LIGHT_DAY));
        double weekday = activeDays / weekdays;
        double weekend = person.weight() >= 4 ? 0.2 : 0.02;
        long dayTarget = (long) (target / Math.max(1, activeDays + days(false) * weekend));
        List<Use> uses = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(spec.end(), ZoneOffset.UTC);
        for (LocalDate day = firstDay(); !day.isAfter(last); day = day.plusDays(1)) {
            if (Draw.chance(random, workday(day) ? weekday : weekend)) {
                uses.addAll(shapes.day(day, (long) (dayTarget * (0.6 + 0.8 * random.nextDouble()))));
            }
            if (person.behaviour() == Behaviour.OVERNIGHT_LOOP && day.getDayOfWeek().getValue() <= 4) {
                uses.addAll(shapes.night(day));
            }
        }
        return uses.stream().filter(use -> inPeriod(use.end())).toList();
    }

    /** About what one use of the client costs at the default rate card: sizes the number of active days. */
    static long typicalUse(Client client) {
        return switch (client) {
            case CLAUDE_CODE -> 2_200_000L;
            case GATEWAY -> 200_000L;
            case SUPPORT_ASSISTANT -> 450_000L;
            case NOTEBOOK -> 350_000L;
        };
    }

    private long days(boolean workdays) {
        long count = 0;
        LocalDate last = LocalDate.ofInstant(spec.end(), ZoneOffset.UTC);
        for (LocalDate day = firstDay(); !day.isAfter(last); day = day.plusDays(1)) {
            count += workday(day) == workdays ? 1 : 0;
        }
        return Math.max(1, count);
    }

    private LocalDate firstDay() {
        return LocalDate.ofInstant(spec.start(), ZoneOffset.UTC);
    }

    private static boolean workday(LocalDate day) {
        return day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    }

    private boolean inPeriod(Instant instant) {
        return !instant.isBefore(spec.start()) && instant.isBefore(spec.end());
    }
}
