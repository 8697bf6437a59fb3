package dev.aispend.policy.seed;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.antigaming.AnomalyContent;
import dev.aispend.policy.badge.BadgeContent;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the defaults of one kind of policy are shipped: a class path resource, the name of its list of policies,
 * and how a policy's content is made canonical (parsed, defaults filled) before it is sent, as the API would.
 */
public record PolicySeedFile(PolicyKind kind, String resource, String listField,
                             UnaryOperator<Map<String, Object>> canonicalContent) {
    public static final String BADGES_RESOURCE = "gamification/default-badges.json";
    public static final String ANOMALY_RULES_RESOURCE = "gamification/default-anomaly-rules.json";

    /** The rate cards as the file has them (the ledger checks a card's content in full). */
    public static PolicySeedFile rateCards(String resource) {
        return new PolicySeedFile(PolicyKind.RATE_CARD, resource, "cards", UnaryOperator.identity());
    }

    public static PolicySeedFile badges() {
        return new PolicySeedFile(PolicyKind.BADGE_RULE, BADGES_RESOURCE, "badges",
                content -> BadgeContent.toContent(BadgeContent.parse(content)));
    }

    public static PolicySeedFile anomalyRules() {
        return new PolicySeedFile(PolicyKind.ANOMALY_RULE, ANOMALY_RULES_RESOURCE, "anomalyRules",
                content -> AnomalyContent.toContent(AnomalyContent.parse(content)));
    }

    public PolicySeed load(JsonMapper json) throws IOException {
        try (InputStream stream = PolicySeedFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IOException("no seed file " + resource + " on the class path");
            }
            return PolicySeed.read(stream, json, this);
        }
    }
}
