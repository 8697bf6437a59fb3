package dev.aispend.audit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --option value} pairs after a command; an unknown, repeated or valueless option is a usage error. */
final class CommandArguments {

    private final String command;
    private final Map<String, String> values;

    private CommandArguments(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    static CommandArguments parse(String command, String[] arguments, Set<String> allowedOptions)
            throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 1; index < arguments.length; index += 2) {
            String option = arguments[index];
            if (!option.startsWith("--") || !allowedOptions.contains(option.substring(2))) {
                throw new UsageException("'" + command + "' does not take '" + option + "'");
            }
            if (index + 1 >= arguments.length) {
                throw new UsageException(option + " needs a value");
            }
            if (values.put(option.substring(2), arguments[index + 1]) != null) {
                throw new UsageException(option + " is given twice");
            }
        }
        return new CommandArguments(command, values);
    }

    Path requiredPath(String option) throws UsageException {
        String value = values.get(option);
        if (value == null) {
            throw new UsageException("'" + command + "' needs --" + option);
        }
        return Path.of(value);
    }

    /** The path, or null when the option was not given. */
    Path optionalPath(String option) {
        String value = values.get(option);
        return value == null ? null : Path.of(value);
    }
}
