package dev.aispend.platform.logging;

import io.micronaut.core.annotation.Nullable;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id every log line of one request carries, and where it comes from: the caller's {@code X-Request-Id} when it
 * is a plain token (a gateway's or a client's own id, so its logs and ours join), else the trace id of a W3C
 * {@code traceparent} (so a traced call's lines join its trace), else a fresh random one. A caller's value is taken
 * only within bounds: at most {@value #MAX_LENGTH} characters of letters, digits and {@code . _ : -}, so it can
 * neither forge a log line (no quote, no line break) nor carry a name or an address into the log (no {@code @}).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** The MDC keys (and JSON fields of a log line). */
    public static final String REQUEST_ID_KEY = "requestId";
    public static final String TRACE_ID_KEY = "traceId";
    static final int MAX_LENGTH = 64;

    private static final Pattern CALLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    /** version-traceid-parentid-flags (W3C Trace Context, section 3.2); version ff is invalid. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    private final SecureRandom random;

    public RequestIds(SecureRandom random) {
        this.random = random;
    }

    /** A request's ids: the one it is logged under, and the trace id when it came with a valid traceparent. */
    public record Ids(String requestId, @Nullable String traceId) {
    }

    public Ids of(@Nullable String requestIdHeader, @Nullable String traceparentHeader) {
        Optional<String> traceId = traceIdOf(traceparentHeader);
        String requestId = callerId(requestIdHeader).or(() -> traceId).orElseGet(this::fresh);
        return new Ids(requestId, traceId.orElse(null));
    }

    static Optional<String> callerId(@Nullable String header) {
        if (header == null || !CALLER_ID.matcher(header).matches()) {
            return Optional.empty();
        }
        return Optional.of(header);
    }

    /** The trace id of a valid traceparent; all-zero trace or parent ids are invalid (section 3.2.2.3-4). */
    static Optional<String> traceIdOf(@Nullable String traceparent) {
        if (traceparent == null || traceparent.length() > 512) {
            return Optional.empty();
        }
        var matcher = TRACEPARENT_FORMAT.matcher(traceparent.strip());
        if (!matcher.matches() || matcher.group(1).equals(ZERO_TRACE_ID) || matcher.group(2).equals(ZERO_PARENT_ID)) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }

    /** 128 random bits in hex: the size of a trace id, so either kind of id reads the same in a log search. */
    private String fresh() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
