package dev.aispend.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a token from the local issuer says: its subject, roles, teams and person ref, and how long it lives. Every
 * value is checked here, so the issuer can write them into JSON without escaping anything.
 *
 * @param subject  the principal (the actor the ledger records)
 * @param roles    the services' roles (docs/security.md)
 * @param teams    the teams a team-member or team-lead role applies to
 * @param person   the caller's own person ref, or null
 * @param validity how long from now the token is accepted
 */
record TokenRequest(String subject, List<String> roles, List<String> teams, String person, Duration validity) {
    static final List<String> ROLES = List.of("ingest-client", "gateway", "team-member", "team-lead",
            "policy-owner", "finance-auditor", "compliance-officer", "admin");
    static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9@._:+-]{1,128}");

    TokenRequest {
        require(NAME.matcher(subject).matches(), "--subject must be 1 to 128 letters, digits or @._:+-");
        require(!roles.isEmpty(), "name at least one role: " + String.join(", ", ROLES));
        roles.forEach(role -> require(ROLES.contains(role), "unknown role " + role + "; roles: "
                + String.join(", ", ROLES)));
        teams.forEach(team -> require(NAME.matcher(team).matches(), "--team must be 1 to 128 letters, digits or @._:+-"));
        require(person == null || NAME.matcher(person).matches(), "--person must be a person ref (prs_...)");
        require(roles.stream().noneMatch(role -> role.startsWith("team-")) || !teams.isEmpty(),
                "a team-member or team-lead token needs --team=<team>");
        require(!validity.isNegative() && !validity.isZero() && validity.compareTo(MAX_VALIDITY) <= 0,
                "--hours must be from 1 to " + MAX_VALIDITY.toHours());
        roles = List.copyOf(roles);
        teams = List.copyOf(teams);
    }

    /** {@code <role>[,<role>...] [--subject=NAME] [--team=T]... [--person=REF] [--hours=N]}; 8 hours by default. */
    static TokenRequest parse(List<String> arguments) {
        List<String> roles = Arrays.stream(arguments.get(0).split(",")).map(String::strip).toList();
        String subject = "local-" + String.join("+", roles);
        List<String> teams = new ArrayList<>();
        String person = null;
        long hours = 8;
        for (String argument : arguments.subList(1, arguments.size())) {
            String value = argument.substring(argument.indexOf('=') + 1);
            if (argument.startsWith("--subject=")) {
                subject = value;
            } else if (argument.startsWith("--team=")) {
                teams.add(value);
            } else if (argument.startsWith("--person=")) {
                person = value;
            } else if (argument.startsWith("--hours=")) {
                hours = Long.parseLong(value);
            } else {
                throw new IllegalArgumentException("unknown option " + argument
                        + " (known: --subject=NAME --team=T --person=REF --hours=N)");
            }
        }
        return new TokenRequest(subject, roles, teams, person, Duration.ofHours(hours));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
