package dev.aispend.platform.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the secrets given as files: for every {@link SecretNames secret name} whose {@code <NAME>_FILE} is set, the
 * file's content with its trailing line breaks removed (an editor or {@code echo} adds one; no secret ends in one),
 * as the value of {@code <NAME>}. Every problem is a {@link SecretFileException} naming variables and files, never
 * a secret: both NAME and NAME_FILE set (which one was meant is unknowable), or a file that cannot be read.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * @param environment the process environment (System.getenv(), or a test's own)
     * @return each secret read from a file, by its name (e.g. {@code DB_PASSWORD}); empty when no _FILE is set
     */
    public static Map<String, String> read(Map<String, String> environment) {
        requireNoSecretGivenTwice(environment);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : SecretNames.ALL) {
            String file = environment.get(SecretNames.fileVariable(name));
            if (isSet(file)) {
                secrets.put(name, readFile(SecretNames.fileVariable(name), file));
            }
        }
        return secrets;
    }

    /** Checks every name first, so one start-up names every conflict instead of one per attempt. */
    private static void requireNoSecretGivenTwice(Map<String, String> environment) {
        List<String> conflicts = new ArrayList<>();
        for (String name : SecretNames.ALL) {
            String fileVariable = SecretNames.fileVariable(name);
            if (isSet(environment.get(name)) && isSet(environment.get(fileVariable))) {
                conflicts.add(name + " and " + fileVariable);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new SecretFileException("set either a secret or its file, not both: " + String.join(", ", conflicts)
                    + " are both set");
        }
    }

    private static String readFile(String fileVariable, String file) {
        try {
            return withoutTrailingLineBreaks(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException | InvalidPathException | SecurityException unreadable) {
            // The cause names the path and what went wrong (NoSuchFileException, AccessDeniedException, not UTF-8);
            // none of them carries the file's content.
            throw new SecretFileException(fileVariable + " names " + file + ", which cannot be read ("
                    + unreadable.getClass().getSimpleName() + ")", unreadable);
        }
    }

    static String withoutTrailingLineBreaks(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }

    /** An empty variable configures nothing: deployment templates often set every variable, most of them empty. */
    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
