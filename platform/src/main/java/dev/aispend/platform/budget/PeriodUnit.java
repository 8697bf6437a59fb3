package dev.aispend.platform.budget;

/** The calendar periods a budget can run over; each starts at midnight of its first day in the budget's zone. */
public enum PeriodUnit {
    MONTH,
    QUARTER,
    YEAR
}
