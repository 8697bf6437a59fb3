package dev.aispend.ingest.directory;

import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every directory entry meets, whether it came as JSON or as a CSV row: the person key and aliases are
 * printable and at most {@value SubmissionRules#MAX_ALIAS_LENGTH} characters (as in usage records), team and cost
 * center are names ({@link SubmissionRules#NAME}), an entry lists a bounded number of aliases, a request writes a
 * bounded number of rows, {@code validFrom} lies within the backfill window and no further in the future than
 * the clock skew allowed, and one request never gives one alias two owners from the same instant. Reasons name
 * fields in our vocabulary ({@code aliases.email[0]}), placed by the adapter's {@link Locator}.
 */
public final class DirectoryRules {
    private static final String NAME_TEXT = "letters, digits and . _ - (starting with a letter or digit)";

    private final Duration maxClockSkew;
    private final Duration maxBackfillAge;
    private final DirectoryConfiguration limits;
    private final Clock clock;

    public DirectoryRules(Duration maxClockSkew, Duration maxBackfillAge, DirectoryConfiguration limits,
                          Clock clock) {
        this.maxClockSkew = maxClockSkew;
        this.maxBackfillAge = maxBackfillAge;
        this.limits = limits;
        this.clock = clock;
    }

    public DirectoryConfiguration limits() {
        return limits;
    }

    /** Refuses the whole request (400, every reason located) when any entry breaks a rule. */
    public void requireValid(List<PersonEntry> entries, Locator locator) {
        List<FieldError> violations = new ArrayList<>();
        long rows = 0;
        for (int index = 0; index < entries.size(); index++) {
            for (FieldError violation : check(entries.get(index))) {
                violations.add(new FieldError(locator.path(index, violation.field()), violation.message()));
            }
            rows += entries.get(index).aliasCount() + 1L;
        }
        if (rows > limits.maxLinksPerRequest()) {
            violations.add(0, new FieldError("$", "writes " + rows + " alias rows (each entry's aliases and its "
                    + "person key); at most " + limits.maxLinksPerRequest() + " are taken per request "
                    + "(INGEST_DIRECTORY_MAX_LINKS_PER_REQUEST): split it"));
        }
        if (violations.isEmpty()) {
            violations.addAll(conflictsWithin(entries, locator));
        }
        refuseIfAny(violations);
    }

    /** 400 naming every reason (at most {@value AcceptancePath#MAX_REPORTED_VIOLATIONS}), when there is one. */
    public static void refuseIfAny(List<FieldError> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(capped(violations));
        }
    }

    /** Every rule {@code entry} breaks, in our field names. */
    public List<FieldError> check(PersonEntry entry) {
        List<FieldError> violations = new ArrayList<>();
        text("person", entry.person(), true, SubmissionRules.MAX_ALIAS_LENGTH, SubmissionRules.PRINTABLE,
                "no control characters", violations);
        text("team", entry.team(), true, SubmissionRules.MAX_NAME_LENGTH, SubmissionRules.NAME, NAME_TEXT,
                violations);
        text("costCenter", entry.costCenter(), false, SubmissionRules.MAX_NAME_LENGTH, SubmissionRules.NAME,
                NAME_TEXT, violations);
        checkValidFrom(entry.validFrom(), violations);
        if (entry.aliasCount() > limits.maxAliasesPerEntry()) {
            violations.add(new FieldError("aliases", "may list at most " + limits.maxAliasesPerEntry()
                    + " aliases per entry, listed " + entry.aliasCount() + " (INGEST_DIRECTORY_MAX_ALIASES_PER_ENTRY)"));
            return violations;
        }
        entry.aliases().forEach((kind, values) -> {
            for (int index = 0; index < values.size(); index++) {
                text(PersonEntry.aliasField(kind, index), values.get(index), true, SubmissionRules.MAX_ALIAS_LENGTH,
                        SubmissionRules.PRINTABLE, "no control characters", violations);
            }
        });
        return violations;
    }

    private void checkValidFrom(@Nullable Instant validFrom, List<FieldError> violations) {
        if (validFrom == null) {
            return;
        }
        Instant now = clock.instant();
        if (validFrom.isAfter(now.plus(maxClockSkew))) {
            violations.add(new FieldError("validFrom", "lies more than " + maxClockSkew.toSeconds()
                    + " s in the future (" + validFrom + "); record a change when it takes effect"));
        } else if (validFrom.isBefore(now.minus(maxBackfillAge))) {
            violations.add(new FieldError("validFrom", "lies more than " + maxBackfillAge.toDays()
                    + " days in the past (" + validFrom + "; INGEST_MAX_BACKFILL_AGE)"));
        } else if (validFrom.getNano() % 1_000 != 0) {
            violations.add(new FieldError("validFrom", "has a precision finer than a microsecond, which the "
                    + "directory cannot keep (" + validFrom + ")"));
        }
    }

    /**
     * One alias given two different owners (person, team or cost center) from the same instant within one
     * request: which one was meant cannot be told, so the request is refused, naming both places.
     */
    private static List<FieldError> conflictsWithin(List<PersonEntry> entries, Locator locator) {
        Map<Key, Place> first = new HashMap<>();
        List<FieldError> violations = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            PersonEntry entry = entries.get(index);
            Owner owner = new Owner(AliasKind.PERSON.normalize(entry.person()), entry.team(), entry.costCenter());
            claim(first, new Key(AliasKind.PERSON, owner.personId(), entry.validFrom()),
                    new Place(index, "person", owner), locator, violations);
            for (Map.Entry<AliasKind, List<String>> kind : entry.aliases().entrySet()) {
                for (int position = 0; position < kind.getValue().size(); position++) {
                    claim(first, new Key(kind.getKey(), kind.getKey().normalize(kind.getValue().get(position)),
                            entry.validFrom()), new Place(index, PersonEntry.aliasField(kind.getKey(), position),
                            owner), locator, violations);
                }
            }
        }
        return violations;
    }

    private static void claim(Map<Key, Place> first, Key key, Place place, Locator locator,
                              List<FieldError> violations) {
        Place earlier = first.putIfAbsent(key, place);
        if (earlier != null && !earlier.owner().equals(place.owner())) {
            violations.add(new FieldError(locator.path(place.index(), place.field()), "gives this "
                    + key.kind().wireName() + " another person, team or cost center than "
                    + locator.path(earlier.index(), earlier.field()) + " from the same validFrom"));
        }
    }

    private static void text(String field, @Nullable String value, boolean required, int maxLength,
                             Pattern allowed, String allowedText, List<FieldError> violations) {
        if (value == null) {
            if (required) {
                violations.add(new FieldError(field, "is required"));
            }
        } else if (value.isBlank()) {
            violations.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        } else if (!allowed.matcher(value).matches()) {
            violations.add(new FieldError(field, "may contain only " + allowedText));
        }
    }

    /** At most as many reasons as the acceptance path gives: enough to fix an import, small enough to read. */
    private static List<FieldError> capped(List<FieldError> violations) {
        int max = AcceptancePath.MAX_REPORTED_VIOLATIONS;
        if (violations.size() <= max) {
            return violations;
        }
        List<FieldError> first = new ArrayList<>(violations.subList(0, max));
        first.add(new FieldError(null, (violations.size() - max) + " more reasons not shown"));
        return first;
    }

    private record Key(AliasKind kind, String value, @Nullable Instant validFrom) {
    }

    private record Owner(String personId, String team, @Nullable String costCenter) {
    }

    private record Place(int index, String field, Owner owner) {
    }
}
