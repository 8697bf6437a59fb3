package dev.aispend.deploy;

import dev.aispend.platform.secrets.SecretNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployment must give a service, read from the service's own application.yml: every setting whose default
 * is empty (a secret, the issuer: the service refuses to start or refuses every token without it) and every setting
 * whose default points at this machine (localhost, 127.0.0.1), which in a container reaches nothing. A new setting of
 * either kind fails the deployment tests until the deployments give it or {@link #OPTIONAL} says why they need not.
 */
final class ServiceSettings {
    static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "policy-service", "report-service");

    /** Settings with an empty default that a deployment may leave unset, and why. */
    static final Map<String, String> OPTIONAL = Map.of(
            "LEDGER_INSTANCE_ID", "blank: the host name and process id, which name the pod or container",
            "KAFKA_TOPIC_PREFIX", "the cluster belongs to this deployment: no prefix",
            "INGEST_GITHUB_WEBHOOK_SECRETS", "the list is for a rotation; INGEST_GITHUB_WEBHOOK_SECRET holds the one",
            "LEDGER_SIGNING_PREVIOUS_PUBLIC_KEYS", "needed only after a key rotation",
            "LEDGER_SIGNING_PRIVATE_KEY", "an alternative to LEDGER_SIGNING_KEY_FILE (one PEM with both keys)",
            "LEDGER_SIGNING_PUBLIC_KEY", "an alternative to LEDGER_SIGNING_KEY_FILE (one PEM with both keys)");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private ServiceSettings() {
    }

    /**
     * The requirements of {@code service}: each a list of alternatives, any one of which satisfies it. Settings read
     * outside application.yml are added by hand: the JWT keys (platform TokenKeys: with neither, no person's token
     * is accepted) and report-service's credential at the ledger (platform LedgerCredentialFilter).
     */
    static List<List<String>> requirements(String service) {
        List<List<String>> requirements = new ArrayList<>();
        placeholders(service).forEach((name, defaultValue) -> {
            boolean empty = defaultValue == null || defaultValue.isEmpty();
            boolean local = defaultValue != null && (defaultValue.contains("localhost")
                    || defaultValue.contains("127.0.0.1"));
            if ((empty && !OPTIONAL.containsKey(name)) || local) {
                requirements.add(List.of(name));
            }
        });
        if (service.equals("ledger-service")) {
            requirements.add(List.of("LEDGER_SIGNING_KEY_FILE", "LEDGER_SIGNING_PRIVATE_KEY"));
        }
        requirements.add(List.of("AUTH_JWKS_URL", "AUTH_JWKS_FILE"));
        if (service.equals("report-service")) {
            requirements.add(List.of("AUTH_LEDGER_CREDENTIAL"));
        }
        return requirements;
    }

    /** The requirements {@code provided} (environment variable names) leaves unmet, each as "A or B". */
    static List<String> unmet(String service, Set<String> provided) {
        return requirements(service).stream()
                .filter(alternatives -> alternatives.stream().noneMatch(name -> isProvided(name, provided)))
                .map(alternatives -> String.join(" or ", alternatives)).toList();
    }

    /** A secret is given as itself or as a file (<NAME>_FILE, platform SecretFiles). */
    private static boolean isProvided(String name, Set<String> provided) {
        return provided.contains(name)
                || SecretNames.ALL.contains(name) && provided.contains(SecretNames.fileVariable(name));
    }

    /** Every ${NAME:default} of the service's application.yml, by name (null: no default at all). */
    static Map<String, String> placeholders(String service) {
        String yaml = Manifests.read(Deployment.repositoryRoot()
                .resolve(service + "/src/main/resources/application.yml"));
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            placeholders.put(matcher.group(1), matcher.group(2));
        }
        if (placeholders.isEmpty()) {
            throw new AssertionError(service + "'s application.yml names no setting: the pattern no longer matches it");
        }
        return placeholders;
    }
}
