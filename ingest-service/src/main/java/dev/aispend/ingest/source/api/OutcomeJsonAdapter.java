package dev.aispend.ingest.source.api;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.AgentIdentities;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Our own outcome format ({@code POST /v1/outcomes}, {@code /v1/outcomes/batch}; docs/outcomes-api.md) into
 * submissions. Unknown fields are refused, as for usage: a misspelt {@code aiAssistance} would otherwise record an
 * assisted merge as unassisted. Identity is {@code person} and/or {@code aliases}; at least one is required.
 * Types and shape only: the limits are the acceptance path's. {@code aiAssistance.coAuthoredBy} keeps only agents'
 * identities, and {@code id} must not lie in an adapter's namespace ({@link ApiBatches#id}).
 */
final class OutcomeJsonAdapter {
    static final String SOURCE = "api";
    private static final Set<String> FIELDS = Set.of("id", "kind", "occurredAt", "source", "person", "aliases",
            "team", "costCenter", "repository", "number", "additions", "deletions", "labels", "aiAssistance",
            "count");
    private static final Set<String> AI_ASSISTANCE_FIELDS = Set.of("sessionIds", "coAuthoredBy");

    private OutcomeJsonAdapter() {
    }

    /** {@code {"outcomes": [...]}}: all or nothing, each reason naming {@code outcomes[i].field}. */
    static List<OutcomeSubmission> batch(JsonNode body) {
        List<JsonNode> elements = ApiBatches.elements(body, "outcomes", "outcomes");
        List<FieldError> violations = new ArrayList<>();
        List<OutcomeSubmission> submissions = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            submissions.add(read(elements.get(index), "outcomes[" + index + "]", violations));
        }
        ApiBatches.refuseIfAny(violations);
        return submissions;
    }

    static OutcomeSubmission single(JsonNode body) {
        List<FieldError> violations = new ArrayList<>();
        OutcomeSubmission submission = read(body, "", violations);
        ApiBatches.refuseIfAny(violations);
        return submission;
    }

    private static OutcomeSubmission read(JsonNode node, String path, List<FieldError> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldError(path.isEmpty() ? "$" : path, "must be a JSON object"));
            return null;
        }
        JsonFields fields = JsonFields.of(node, path.isEmpty() ? "" : path + ".", violations);
        fields.refuseUnknown(FIELDS, "an outcome");
        String client = fields.text("source");
        SubjectAliases subject = ApiBatches.subject(fields);
        long max = SubmissionRules.MAX_OUTCOME_QUANTITY;
        return new OutcomeSubmission(ApiBatches.id(fields), fields.requiredText("kind"),
                fields.instant("occurredAt", true), client == null ? SOURCE : SOURCE + ":" + client, subject,
                fields.text("team"), fields.text("costCenter"), fields.text("repository"),
                fields.count("number", max), fields.count("additions", max), fields.count("deletions", max),
                fields.texts("labels", SubmissionRules.MAX_LABELS), aiAssistance(fields),
                fields.count("count", max));
    }

    private static AiAssistance aiAssistance(JsonFields fields) {
        JsonFields evidence = fields.object("aiAssistance");
        if (evidence == null) {
            return AiAssistance.NONE;
        }
        evidence.refuseUnknown(AI_ASSISTANCE_FIELDS, "aiAssistance (sessionIds, coAuthoredBy)");
        return new AiAssistance(evidence.texts("sessionIds", SubmissionRules.MAX_EVIDENCE_ITEMS),
                agentsOnly(evidence.texts("coAuthoredBy", SubmissionRules.MAX_EVIDENCE_ITEMS)));
    }

    /**
     * The entries that name an agent ({@link AgentIdentities}), each once: a person's {@code Name <email>} trailer
     * is left out, since the list is published as ledger data and a person appears there only pseudonymized.
     */
    private static List<String> agentsOnly(List<String> coAuthoredBy) {
        Set<String> agents = new LinkedHashSet<>();
        for (String entry : coAuthoredBy) {
            String agent = AgentIdentities.agentEntry(entry);
            if (agent != null) {
                agents.add(agent);
            }
        }
        return List.copyOf(agents);
    }
}
