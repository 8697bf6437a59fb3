package dev.aispend.platform.csv;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;

/**
 * The one rule every CSV export follows against formula injection (docs/security.md, "CSV exports"). A spreadsheet
 * that opens a CSV runs a cell starting with {@code =}, {@code +}, {@code -} or {@code @} as a formula (and some
 * strip a leading tab or carriage return first), so a name such as {@code =HYPERLINK("http://x")} that reached the
 * ledger would run on the auditor's machine. A text cell starting with one of them is written with a single quote
 * before it, which spreadsheets show as text and do not run (OWASP, CSV injection).
 *
 * <p>Only text is changed. Figures the service formats itself (numbers, booleans, dates and instants) are written
 * as they are, so a negative amount such as a correction of {@code -1500} stays a number. Which of the two a cell
 * is follows from its column's type, never from its value: a value that merely looks like a number in a text
 * column is still text.
 */
public final class CsvCells {
    /** What a spreadsheet shows as text: the cell's own characters follow it unchanged. */
    public static final char TEXT_MARK = '\'';
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** A text cell as written: {@code value} with a single quote before it when it would start a formula. */
    @Nullable
    public static String text(@Nullable String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return TEXT_MARK + value;
    }

    /**
     * A cell of a table whose cells carry their column's type: a number (a decimal in plain notation, never
     * {@code 1E+3}), a boolean, a date or an instant is a figure and written as it is; anything else is text
     * ({@link #text}). Null stays null (an empty cell).
     */
    @Nullable
    public static String cell(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return text(value.toString());
    }
}
