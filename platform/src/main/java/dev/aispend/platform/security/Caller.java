package dev.aispend.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling, as the authentication says: the principal's name (a token's subject, or {@code api-key:<id>}),
 * its roles, the teams it is limited to and, for a person, their pseudonymous person ref. The name is what the
 * ledger records as the actor of whatever the call changes; no request body or header can claim another.
 *
 * @param teams  the teams a team-scoped role applies to (claim {@code teams})
 * @param person the caller's own person ref (claim {@code person}), or null for a machine
 */
public record Caller(String name, Set<String> roles, Set<String> teams, @Nullable String person) {
    /** The JWT claim (and API key attribute) naming the caller's teams. */
    public static final String TEAMS_CLAIM = "teams";
    /** The JWT claim (and API key attribute) naming the caller's own person ref. */
    public static final String PERSON_CLAIM = "person";

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public static Caller of(Authentication authentication) {
        Object person = authentication.getAttributes().get(PERSON_CLAIM);
        return new Caller(authentication.getName(), new LinkedHashSet<>(authentication.getRoles()),
                strings(authentication.getAttributes().get(TEAMS_CLAIM)),
                person instanceof String text && !text.isBlank() ? text : null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * Whether every role this caller reads reports with is limited to its own teams (team member, team lead):
     * such a caller must name one of its teams, and sees no other.
     */
    public boolean teamScoped() {
        return !has(Roles.FINANCE_AUDITOR) && !has(Roles.COMPLIANCE_OFFICER) && !has(Roles.POLICY_OWNER);
    }

    /**
     * Whether this caller may see pseudonymous person refs and figures of single people: auditors and compliance
     * everywhere, a team lead within the own teams (a team-scoped caller reads nothing else).
     */
    public boolean seesPeople() {
        return has(Roles.FINANCE_AUDITOR) || has(Roles.COMPLIANCE_OFFICER) || (has(Roles.TEAM_LEAD) && teamScoped());
    }

    /** Whether a team-scoped caller may read {@code team}; an organisation-wide reader may read any. */
    public boolean mayRead(String team) {
        return !teamScoped() || teams.contains(team);
    }

    private static Set<String> strings(@Nullable Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }
}
