package dev.aispend.platform.docs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What docs/operations.md says about a setting: whether it names the variable at all, and whether a row of one of
 * its tables that names the variable in its first cell states the default.
 */
final class OperationsGuide {
    private final String text;
    private final List<String> tableRows;

    OperationsGuide(String text) {
        this.text = text;
        this.tableRows = text.lines().map(String::strip).filter(line -> line.startsWith("|")).toList();
    }

    /** The name as a word of its own: DB_PASSWORD_FILE does not mention DB_PASSWORD. */
    boolean mentions(String variable) {
        return asWord(variable).matcher(text).find();
    }

    /**
     * Some table row whose first cell names the variable also holds its default (as written in application.yml,
     * e.g. {@code 10s}), so the reference cannot drift from what the service does.
     */
    boolean statesDefault(String variable, String defaultValue) {
        Pattern name = asWord(variable);
        return tableRows.stream()
                .filter(row -> name.matcher(firstCell(row)).find())
                .anyMatch(row -> row.contains(defaultValue));
    }

    private static String firstCell(String row) {
        int end = row.indexOf('|', 1);
        return end < 0 ? row : row.substring(1, end);
    }

    private static Pattern asWord(String variable) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
    }
}
