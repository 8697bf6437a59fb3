package dev.aispend.policy.seed;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Default policies shipped with the service (rate cards, badge rules, anomaly rules): a seed file naming its
 * sources and date, turned into one change request per policy. Everything in the requests comes from the file,
 * ids and instants included, so two instances seeding at once send identical requests and the ledger records
 * each once.
 */
public record PolicySeed(PolicyKind kind, String asOf, Instant effectiveFrom, List<Policy> policies) {
    public static final String ACTOR = "system";

    public PolicySeed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        policies = List.copyOf(policies);
    }

    /** One policy of the seed: its id and its content, as the ledger records it. */
    public record Policy(String id, Map<String, Object> content) {
        public Policy {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Reads {@code file}'s JSON: {@code asOf}, {@code effectiveFrom} and its list of {@code {id, content}}. */
    @SuppressWarnings("unchecked")
    public static PolicySeed read(InputStream json, JsonMapper mapper, PolicySeedFile file) throws IOException {
        Map<String, Object> fields = mapper.readValue(json, Argument.mapOf(String.class, Object.class));
        List<Policy> policies = new ArrayList<>();
        for (Object policy : (List<Object>) fields.get(file.listField())) {
            Map<String, Object> entry = (Map<String, Object>) policy;
            policies.add(new Policy((String) entry.get("id"),
                    file.canonicalContent().apply((Map<String, Object>) entry.get("content"))));
        }
        return new PolicySeed(file.kind(), (String) fields.get("asOf"),
                Instant.parse((String) fields.get("effectiveFrom")), policies);
    }

    /** Requests that create each policy as version 1; one that exists already is refused by the ledger. */
    public List<PolicyChangeRequest> requests() {
        Instant requestedAt = LocalDate.parse(asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
        return policies.stream().map(policy -> new PolicyChangeRequest("seed:" + policy.id() + ":" + asOf,
                policy.id(), kind, 0, ACTOR, policy.content(), effectiveFrom, requestedAt)).toList();
    }
}
