package dev.aispend.platform.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a configuration file reads, with the default each falls back to. Upper-case
 * placeholders are environment variables; a lower-case one ({@code ${kafka.bootstrap.servers}}) names another
 * property and is not a setting of its own.
 */
final class ConfigurationPlaceholders {
    /**
     * Micronaut's {@code ${NAME}} and {@code ${NAME:default}}; a default holding a colon is quoted in backticks
     * ({@code ${DB_URL:`jdbc:postgresql://localhost:5433/ledger`}}).
     */
    private static final Pattern MICRONAUT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(`[^`]*`|[^}]*))?}");
    /** Logback's {@code ${NAME:-default}}. */
    private static final Pattern LOGBACK = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?}");

    /** One variable a file reads; {@code defaultValue} is empty when there is none (the setting is then unset). */
    record Placeholder(String name, String defaultValue) {
    }

    private ConfigurationPlaceholders() {
    }

    /** The variables of an application.yml, in the order they appear (a variable read twice appears twice). */
    static List<Placeholder> inApplicationYml(String text) {
        return find(MICRONAUT, text);
    }

    /** The variables of a logback.xml. */
    static List<Placeholder> inLogbackXml(String text) {
        return find(LOGBACK, text);
    }

    private static List<Placeholder> find(Pattern pattern, String text) {
        List<Placeholder> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String defaultValue = matcher.group(2) == null ? "" : unquoted(matcher.group(2));
            found.add(new Placeholder(matcher.group(1), defaultValue));
        }
        return found;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
