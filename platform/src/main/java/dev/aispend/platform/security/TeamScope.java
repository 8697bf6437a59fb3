package dev.aispend.platform.security;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a team-scoped caller (team member, team lead) may ask for: only its own teams, named explicitly, so an
 * answer never mixes in another team's figures. An organisation-wide reader is not limited.
 */
public final class TeamScope {
    private TeamScope() {
    }

    /**
     * Why {@code caller} may not ask for {@code teams} (the values of the request's {@code field}), or empty when
     * it may: a team-scoped caller must name at least one team, and only teams of its own.
     */
    public static Optional<ErrorBody> refusal(Caller caller, Collection<String> teams, String field) {
        if (!caller.teamScoped()) {
            return Optional.empty();
        }
        if (teams.isEmpty()) {
            return Optional.of(ErrorBody.of("a team-scoped caller must name its team", List.of(new FieldError(field,
                    "is required for your roles: one of your teams " + caller.teams()))));
        }
        for (String team : teams) {
            if (!caller.teams().contains(team)) {
                return Optional.of(ErrorBody.of("not your team", List.of(new FieldError(field,
                        "names a team you may not read (yours: " + caller.teams() + ")"))));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #refusal(Caller, Collection, String)} for one team that may be absent (null). */
    public static Optional<ErrorBody> refusal(Caller caller, @Nullable String team, String field) {
        return refusal(caller, team == null || team.isBlank() ? List.of() : List.of(team), field);
    }

    /** The 403 answer of {@link #refusal(Caller, Collection, String)}, or empty when the caller may ask. */
    public static Optional<HttpResponse<ErrorBody>> forbidden(Caller caller, Collection<String> teams, String field) {
        return refusal(caller, teams, field).map(body -> HttpResponse.status(HttpStatus.FORBIDDEN).body(body));
    }

    /** Like {@link #forbidden(Caller, Collection, String)} for one team that may be absent (null). */
    public static Optional<HttpResponse<ErrorBody>> forbidden(Caller caller, @Nullable String team, String field) {
        return refusal(caller, team, field).map(body -> HttpResponse.status(HttpStatus.FORBIDDEN).body(body));
    }
}
