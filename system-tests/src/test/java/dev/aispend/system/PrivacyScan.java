package dev.aispend.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through text for what must never be stored, published or logged: an email address, a bearer token (any
 * JWT, and each secret the test names), an API key. Stored bytes are often encoded (a ledger.v1 envelope carries its
 * payload in base64, PostgreSQL and its error messages write bytea as hex), so runs of base64 or hex that decode to
 * text are looked through too, two levels deep. Every hit is kept with where it was found.
 */
final class PrivacyScan {
    /** Broad on purpose: anything shaped like an address, whatever its domain. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A signed JWT: header and claims are base64url JSON objects, so both start with "eyJ". */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    /** An API key with its secret (ask_, 24 hex digits of id, 43 base64url characters of secret). */
    static final Pattern API_KEY = Pattern.compile("ask_[0-9a-f]{24}_[A-Za-z0-9_-]{43}");
    /**
     * Addresses that are not people's: an AI agent's commit identity, which ingest keeps on purpose as evidence of
     * assistance (docs/github.md, AgentIdentities); the GitHub fixture's pull request is co-authored by Claude.
     */
    static final Set<String> NOT_PEOPLE = Set.of("noreply@anthropic.com");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{24,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:\\\\x|0x)?((?:[0-9a-fA-F]{2}){12,})");
    private static final int MAX_DEPTH = 2;

    private final List<String> secrets;
    private final List<Finding> findings = new ArrayList<>();

    /** @param secrets tokens, keys and other secrets of the run, each looked for verbatim */
    PrivacyScan(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    void scan(String where, String text) {
        scan(where, text, 0);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Every finding on a line of its own, for a failure message. */
    String report() {
        StringBuilder report = new StringBuilder(findings.size() + " findings:\n");
        findings.forEach(finding -> report.append("  ").append(finding).append('\n'));
        return report.toString();
    }

    private void scan(String where, String text, int depth) {
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            if (!NOT_PEOPLE.contains(email.group().toLowerCase(java.util.Locale.ROOT))) {
                findings.add(new Finding(where, "email address", email.group()));
            }
        }
        find(JWT, "bearer token (JWT)", where, text);
        find(API_KEY, "API key", where, text);
        for (String secret : secrets) {
            if (text.contains(secret)) {
                findings.add(new Finding(where, "a secret of the run", abbreviated(secret)));
            }
        }
        if (depth < MAX_DEPTH) {
            decoded(where, text, depth);
        }
    }

    private void decoded(String where, String text, int depth) {
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            scanIfText(where + " (hex-decoded)", HexFormat.of().parseHex(hex.group(1)), depth);
        }
        Matcher base64 = BASE64.matcher(text);
        while (base64.find()) {
            byte[] bytes = decodeBase64(base64.group());
            if (bytes != null) {
                scanIfText(where + " (base64-decoded)", bytes, depth);
            }
        }
    }

    private void scanIfText(String where, byte[] bytes, int depth) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        long readable = text.chars().filter(character -> character >= ' ' && character != 0xFFFD
                || character == '\n' || character == '\t').count();
        if (text.length() >= 8 && readable >= text.length() * 9L / 10) {
            scan(where, text, depth + 1);
        }
    }

    private static byte[] decodeBase64(String candidate) {
        String padded = candidate.replace('-', '+').replace('_', '/').replace("=", "");
        padded = padded + "=".repeat((4 - padded.length() % 4) % 4);
        try {
            return Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private void find(Pattern pattern, String kind, String where, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            findings.add(new Finding(where, kind, abbreviated(matcher.group())));
        }
    }

    /** Enough of a credential to recognise it in a report, not enough to use it. */
    private static String abbreviated(String credential) {
        return credential.length() <= 16 ? credential : credential.substring(0, 12) + "…";
    }

    /** One hit: where it was found, what kind of thing, and the thing (a credential abbreviated). */
    record Finding(String where, String kind, String match) {
        @Override
        public String toString() {
            return kind + " '" + match + "' in " + where;
        }
    }
}
