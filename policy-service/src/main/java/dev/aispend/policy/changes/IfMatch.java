package dev.aispend.policy.changes;

import io.micronaut.core.annotation.Nullable;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version an {@code If-Match} header expects: the ETags this API sends are {@code "<version>"}.
 * A weak tag ({@code W/"3"}) is accepted too, since some proxies weaken tags; anything else is not a version.
 */
public final class IfMatch {
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,17})\"");

    private IfMatch() {
    }

    /** The expected version, or empty when the header is not one of our tags. */
    public static OptionalLong expectedVersion(@Nullable String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(header.strip());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
