package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whom, what and when a spend is counted for. A re-pricing is attributed to its ORIGINAL spend (the team, person,
 * model and time of use SpendRepriced copies from it), so a correction lands in the period and team the spend
 * belongs to, not in the one where the correction was made.
 */
public record SpendAttribution(String team, String personRef, String model, Instant occurredAt) {

    public static SpendAttribution of(SpendRecorded spend) {
        return new SpendAttribution(spend.team(), spend.personRef(), spend.model(), spend.occurredAt());
    }

    public static SpendAttribution of(SpendRepriced repricing) {
        return new SpendAttribution(repricing.team(), repricing.personRef(), repricing.model(),
                repricing.occurredAt());
    }

    /** The UTC day of use: reports group by it, whatever the reader's time zone. */
    public LocalDate utcDay() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }
}
