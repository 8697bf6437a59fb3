package dev.aispend.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./run-local token <role>[,<role>...] [--team=T]... [--person=REF] [--subject=NAME] [--hours=N]
 * [--data-dir=DIR]}: prints a bearer token from the local system's development issuer, whose key
 * {@code ./run-local} created in the data directory. Only the local system trusts this issuer (it passes the
 * public key to its services); a deployment trusts its organisation's issuer and never this one.
 */
public final class DevelopmentTokens {
    private DevelopmentTokens() {
    }

    public static void main(String[] arguments) {
        try {
            System.out.println(mint(arguments, Path.of("").toAbsolutePath()));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            System.err.println("token: " + refused.getMessage());
            System.exit(2);
        }
    }

    /** The key file of the development issuer of the local system whose data is in {@code dataDirectory}. */
    public static Path keyFile(Path dataDirectory) {
        return dataDirectory.resolve("secrets").resolve("dev-issuer").resolve("key.jwk");
    }

    static String mint(String[] arguments, Path repositoryRoot) {
        if (arguments.length == 0 || arguments[0].startsWith("--")) {
            throw new IllegalArgumentException("name the roles first, e.g. ./run-local token policy-owner; roles: "
                    + String.join(", ", KNOWN_ROLES));
        }
        List<String> roles = Arrays.stream(arguments[0].split(",")).map(String::strip).toList();
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role " + role + "; roles: " + String.join(", ", KNOWN_ROLES));
            }
        }
        List<String> teams = new ArrayList<>();
        String person = null;
        String subject = "dev-" + String.join("+", roles);
        long hours = 8;
        Path data = repositoryRoot.resolve("data");
        for (String argument : Arrays.copyOfRange(arguments, 1, arguments.length)) {
            if (argument.startsWith("--team=")) {
                teams.add(argument.substring("--team=".length()));
            } else if (argument.startsWith("--person=")) {
                person = argument.substring("--person=".length());
            } else if (argument.startsWith("--subject=")) {
                subject = argument.substring("--subject=".length());
            } else if (argument.startsWith("--hours=")) {
                hours = Long.parseLong(argument.substring("--hours=".length()));
            } else if (argument.startsWith("--data-dir=")) {
                data = Path.of(argument.substring("--data-dir=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("unknown option " + argument
                        + " (known: --team=T --person=REF --subject=NAME --hours=N --data-dir=DIR)");
            }
        }
        Duration validity = Duration.ofHours(hours);
        if (hours < 1 || validity.compareTo(TokenIssuer.MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("--hours must be from 1 to " + TokenIssuer.MAX_VALIDITY.toHours());
        }
        if (roles.stream().anyMatch(role -> role.startsWith("team-")) && teams.isEmpty()) {
            throw new IllegalArgumentException("a team-member or team-lead token needs --team=<team>");
        }
        Path keyFile = keyFile(data);
        if (!Files.exists(keyFile)) {
            throw new IllegalStateException("no development issuer in " + data + ": start ./run-local first");
        }
        return TokenIssuer.readOrCreate(keyFile, TokenIssuer.DEVELOPMENT_ISSUER)
                .token(subject, roles, teams, person, validity);
    }

    /** The roles the services know (platform's Roles; the launcher does not depend on the services' code). */
    static final List<String> KNOWN_ROLES = List.of("ingest-client", "gateway", "team-member", "team-lead",
            "policy-owner", "finance-auditor", "compliance-officer", "admin");
}
