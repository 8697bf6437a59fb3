package dev.aispend.testsupport.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an attacker sends instead of a value: SQL metacharacters for query parameters, path traversals for path
 * variables. Tests enumerate the parameters of their service and send each of these to each.
 */
public final class HostileValues {
    /** A value no filter matches: what a hostile value must be answered like, when it is not refused. */
    public static final String NO_MATCH = "no-such-value";

    /** Query values, before encoding: quotes, a stacked statement, a LIKE wildcard with a comment, escapes, NUL. */
    public static final List<String> SQL_METACHARACTERS = List.of("' OR '1'='1", "x'; DROP TABLE x; --", "%' --",
            "\\", "\\\\", "\u0000", "x\u0000y", "1 OR 1=1", "\"; --", "_%");

    /** Path segments as they go out on the wire: encoded and plain dot-dot-slash, and encoded backslashes. */
    public static final List<String> PATH_TRAVERSALS = List.of("..%2F..%2Fetc%2Fpasswd", "../../", "%2e%2e%2f",
            "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "..%252F",
            "%00", "..");

    /** Path segments aimed at files beside a service's static resources: its configuration, its logging setup. */
    public static final List<String> CLASSPATH_TRAVERSALS = List.of("..%2Fapplication.yml",
            "..%2F..%2Fapplication.yml", "..%2F..%2F..%2Fapplication.yml", "%2e%2e%2f%2e%2e%2flogback.xml",
            "..%5C..%5Capplication.yml", "%2e%2e/%2e%2e/application.yml", "..;/..;/application.yml");

    private HostileValues() {
    }

    /** {@code value} encoded for a query string (a space as %20, so it is read back as a space everywhere). */
    public static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
