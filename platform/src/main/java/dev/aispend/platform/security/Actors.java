package dev.aispend.platform.security;

import dev.aispend.platform.web.FieldError;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The actor a service records for an act (a policy change, a replay, a rebuild, a verification): the
 * authenticated principal's name (a token's subject, or an API key's {@code api-key:<id>}), never anything a
 * request body or header claims. Bounded like every recorded text: a name that cannot be recorded as it is gets
 * the request refused, not the name cut.
 */
public final class Actors {
    public static final int MAX_LENGTH = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{Graph} ]{1," + MAX_LENGTH + "}");

    private Actors() {
    }

    /** The principal's name as it is recorded (surrounding spaces stripped), or empty if it cannot be. */
    public static Optional<String> recordable(String principal) {
        if (principal == null || principal.isBlank() || !PRINTABLE.matcher(principal).matches()) {
            return Optional.empty();
        }
        return Optional.of(principal.strip());
    }

    /**
     * Why a body's {@code actor} is refused, or empty: a body may leave it out or name the caller, never someone
     * else. The actor is recorded as authenticated; a body naming another is refused, not rewritten.
     */
    public static Optional<FieldError> claimedOther(String bodyActor, String caller) {
        if (bodyActor == null || bodyActor.equals(caller)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("actor", "is the authenticated caller (" + caller + "); leave it out"));
    }

    /** The field error a refused request answers with. */
    public static FieldError refusal() {
        return new FieldError("Authorization", "the caller's name (the token's subject) must be 1.." + MAX_LENGTH
                + " printable characters");
    }
}
