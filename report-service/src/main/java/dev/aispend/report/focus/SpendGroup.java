package dev.aispend.report.focus;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spend lines of one key summed: the export's grain before the split by token type. A group is either usage
 * (SPEND lines and the MOVE_OUT / MOVE_IN lines that re-attribute them, which net out across teams) or a re-pricing
 * (REPRICE lines, a cost delta with no tokens), never both.
 *
 * @param recordedMonth for a re-pricing, the UTC month in which the ledger recorded it (from ledger_clock); null
 *                      for usage, or when the clock does not say
 * @param tokens        summed tokens, indexed by {@link TokenType#ordinal()}
 */
record SpendGroup(LocalDate day, String team, @Nullable String costCenter, @Nullable String provider, String model,
                  @Nullable String purpose, @Nullable String rateCardId, @Nullable Long rateCardVersion,
                  boolean repricing, @Nullable YearMonth recordedMonth, long[] tokens, long costUsdMicros) {

    SpendGroup {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length != TokenType.values().length) {
            throw new IllegalArgumentException("one token count per token type, had " + tokens.length);
        }
        tokens = tokens.clone();
    }

    long tokens(TokenType type) {
        return tokens[type.ordinal()];
    }

    /** Whether a rate card priced these lines (unpriced spend names none). */
    boolean priced() {
        return rateCardId != null && rateCardVersion != null;
    }

    /** The month of the day the spend happened: the billing period of usage. */
    YearMonth usageMonth() {
        return YearMonth.from(day);
    }

    /**
     * A FOCUS correction: a re-pricing recorded after the billing period of its spend had ended, so it changes a
     * period already reported ("Correction: a charge to correct cost or usage data in a previously invoiced
     * billing period", FOCUS 1.2 glossary).
     */
    boolean correction() {
        return repricing && recordedMonth != null && recordedMonth.isAfter(usageMonth());
    }

    /** The billing period: the month of use, or for a correction the month in which it was recorded. */
    YearMonth billingMonth() {
        return correction() ? recordedMonth : usageMonth();
    }

    /** A copy: the group stays as summed. */
    @Override
    public long[] tokens() {
        return tokens.clone();
    }

    @Override
    public String toString() {
        return "SpendGroup[" + day + ", " + team + ", " + costCenter + ", " + provider + ", " + model + ", "
                + purpose + ", " + rateCardId + " v" + rateCardVersion + (repricing ? ", repricing " + recordedMonth
                : "") + ", tokens " + Arrays.toString(tokens) + ", " + costUsdMicros + " micros]";
    }
}
