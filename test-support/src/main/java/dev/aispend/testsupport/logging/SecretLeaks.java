package dev.aispend.testsupport.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks text a service wrote (log lines, an exception) for secrets, naming every secret found and where. */
public final class SecretLeaks {

    private SecretLeaks() {
    }

    /**
     * @param secrets each secret's value by a name for it (e.g. the variable that sets it)
     * @throws AssertionError naming each secret found, with the lines it is in
     */
    public static void assertNoneIn(List<String> lines, Map<String, String> secrets) {
        List<String> leaks = new ArrayList<>();
        secrets.forEach((name, value) -> lines.stream().filter(line -> line.contains(value))
                .forEach(line -> leaks.add(name + " in: " + line)));
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " secret(s) in what the service wrote:"
                    + System.lineSeparator() + String.join(System.lineSeparator(), leaks));
        }
    }

    /** The exception as a log would show it: message, stack frames and every cause. */
    public static String textOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
