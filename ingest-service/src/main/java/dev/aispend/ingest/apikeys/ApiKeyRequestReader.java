package dev.aispend.ingest.apikeys;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.security.Roles;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a creation request ({@code {name, roles, teams?, expiresAt}}) and checks every rule, naming each field
 * that breaks one in a single 400: a name of printable characters within the configured length; at least one
 * role, each known and given once; teams (names like a usage record's team) exactly when a team-scoped role
 * (team-member, team-lead) is asked for, since those roles read nothing without teams and teams limit no other
 * role; an expiry in the future and within the configured lifetime. Pure: the instant is given.
 */
public final class ApiKeyRequestReader {
    private static final Set<String> FIELDS = Set.of("name", "roles", "teams", "expiresAt");
    private static final String NAME_TEXT = "letters, digits and . _ - (starting with a letter or digit)";

    private final ApiKeysConfiguration limits;

    public ApiKeyRequestReader(ApiKeysConfiguration limits) {
        this.limits = limits;
    }

    /** The request, or {@link InvalidSubmissionException} naming every field that breaks a rule. */
    public ApiKeyRequest read(JsonNode body, Instant now) {
        List<FieldError> violations = new ArrayList<>();
        if (!body.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "must be a JSON object")));
        }
        JsonFields fields = JsonFields.of(body, "", violations);
        fields.refuseUnknown(FIELDS, "an API key request");
        String name = name(fields);
        List<String> roles = roles(fields);
        List<String> teams = teams(fields, roles);
        Instant expiresAt = expiry(fields, now);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return new ApiKeyRequest(name, roles, teams, expiresAt);
    }

    private @Nullable String name(JsonFields fields) {
        String name = fields.requiredText("name");
        if (name != null && (name.isEmpty() || name.length() > limits.maxNameLength()
                || !SubmissionRules.PRINTABLE.matcher(name).matches())) {
            fields.refuse("name", "must be 1.." + limits.maxNameLength() + " characters without control characters");
        }
        return name;
    }

    private List<String> roles(JsonFields fields) {
        JsonNode given = fields.node("roles");
        if (given == null || (given.isArray() && given.size() == 0)) {
            fields.refuse("roles", "is required: one or more of " + Roles.ALL);
            return List.of();
        }
        List<String> roles = fields.texts("roles", Roles.ALL.size());
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < roles.size(); index++) {
            String role = roles.get(index);
            if (!Roles.isKnown(role)) {
                fields.refuse("roles[" + index + "]", "is not a role; the roles are " + Roles.ALL);
            } else if (!seen.add(role)) {
                fields.refuse("roles[" + index + "]", "is given twice");
            }
        }
        return roles;
    }

    private List<String> teams(JsonFields fields, List<String> roles) {
        List<String> teams = fields.texts("teams", limits.maxTeams());
        boolean teamScoped = roles.stream().anyMatch(Roles.TEAM_SCOPED::contains);
        if (teamScoped && teams.isEmpty()) {
            fields.refuse("teams", "is required for the roles " + Roles.TEAM_SCOPED + ": the teams the key may read");
        } else if (!teamScoped && !teams.isEmpty()) {
            fields.refuse("teams", "limits only the roles " + Roles.TEAM_SCOPED + ", which this key does not hold");
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < teams.size(); index++) {
            String team = teams.get(index);
            if (team.isEmpty() || team.length() > SubmissionRules.MAX_NAME_LENGTH
                    || !SubmissionRules.NAME.matcher(team).matches()) {
                fields.refuse("teams[" + index + "]", "must be 1.." + SubmissionRules.MAX_NAME_LENGTH + " "
                        + NAME_TEXT);
            } else if (!seen.add(team)) {
                fields.refuse("teams[" + index + "]", "is given twice");
            }
        }
        return teams;
    }

    /** The expiry, to the microsecond PostgreSQL keeps, so the stored and the published instant are the same. */
    private @Nullable Instant expiry(JsonFields fields, Instant now) {
        Instant expiresAt = fields.instant("expiresAt", true);
        if (expiresAt == null) {
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            fields.refuse("expiresAt", "must be in the future");
        } else if (expiresAt.isAfter(now.plus(limits.maxLifetime()))) {
            fields.refuse("expiresAt", "may lie at most " + limits.maxLifetime().toDays() + " days ahead (at most "
                    + now.plus(limits.maxLifetime()).truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return expiresAt.truncatedTo(ChronoUnit.MICROS);
    }
}
