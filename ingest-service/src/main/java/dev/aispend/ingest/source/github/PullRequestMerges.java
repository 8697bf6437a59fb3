package dev.aispend.ingest.source.github;

import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.EmailAddresses;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub's webhook payloads (docs.github.com, "Webhook events and payloads") into decisions. A merge is exactly
 * {@code X-GitHub-Event: pull_request} with {@code action == "closed"} and {@code pull_request.merged == true}; it
 * becomes one {@code pull_request_merged} outcome. Everything else ({@code ping}, an unmerged close, other actions
 * and events) is acknowledged and ignored. A merge missing a field the outcome needs is refused (400) naming the
 * field by its path in GitHub's payload. Pure: no I/O.
 *
 * <p>The outcome's id is {@code github-pr-<pull_request.id>}: GitHub's id of the pull request, which a repository
 * rename or transfer does not change, and a pull request is merged at most once. So the same merge counts once
 * whichever delivery carries it (a redelivery has the delivery id of the original; a second webhook on the
 * organisation and the repository sends the same merge under two delivery ids), and the ledger records an id once.
 */
final class PullRequestMerges {
    static final String SOURCE = "github";
    static final String KIND = "pull_request_merged";
    static final String ID_PREFIX = IdPrefixes.GITHUB_PULL_REQUEST + "-";

    /** Our field names, in the shared rules' reasons, as paths in GitHub's payload. */
    static final Locator LOCATOR = (index, field) -> githubPath(field);
    private static final Map<String, String> GITHUB_PATHS = Map.of(
            "id", "pull_request.id",
            "occurredAt", "pull_request.merged_at",
            "githubLogin", "pull_request.user.login",
            "repository", "repository.full_name",
            "number", "pull_request.number",
            "additions", "pull_request.additions",
            "deletions", "pull_request.deletions");

    private PullRequestMerges() {
    }

    static WebhookDecision decide(String event, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "must be a JSON object")));
        }
        if ("ping".equals(event)) {
            return new WebhookDecision.Ignored("ping: the webhook reaches us; merged pull requests will be recorded");
        }
        if (!"pull_request".equals(event)) {
            return new WebhookDecision.Ignored("event " + event + " is not recorded; only merged pull requests are");
        }
        List<FieldError> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(payload, "", violations);
        String action = fields.requiredText("action");
        JsonFields pullRequest = fields.object("pull_request");
        if (pullRequest == null && violations.isEmpty()) {
            fields.refuse("pull_request", "is required in a pull_request event");
        }
        refuseIfAny(violations);
        if (!"closed".equals(action)) {
            return new WebhookDecision.Ignored("pull_request action " + action + " is not a merge");
        }
        Boolean merged = pullRequest.bool("merged");
        refuseIfAny(violations);
        if (!Boolean.TRUE.equals(merged)) {
            return new WebhookDecision.Ignored("the pull request was closed without being merged");
        }
        return new WebhookDecision.Merged(merge(fields, pullRequest, violations));
    }

    private static OutcomeSubmission merge(JsonFields fields, JsonFields pullRequest, List<FieldError> violations) {
        Long pullRequestId = requiredCount(pullRequest, "id", Long.MAX_VALUE);
        Long number = requiredCount(pullRequest, "number", SubmissionRules.MAX_OUTCOME_QUANTITY);
        Instant mergedAt = pullRequest.instant("merged_at", true);
        JsonFields user = requiredObject(pullRequest, "user");
        String author = user == null ? null : user.requiredText("login");
        JsonFields repositoryFields = requiredObject(fields, "repository");
        String repository = repositoryFields == null ? null : repositoryFields.requiredText("full_name");
        Long additions = pullRequest.count("additions", SubmissionRules.MAX_OUTCOME_QUANTITY);
        Long deletions = pullRequest.count("deletions", SubmissionRules.MAX_OUTCOME_QUANTITY);
        List<String> labels = labelNames(pullRequest);
        String body = pullRequest.text("body");
        refuseIfAny(violations);
        AiAssistance evidence = AiAssistanceEvidence.of(body, labels);
        return new OutcomeSubmission(ID_PREFIX + pullRequestId, KIND, mergedAt, SOURCE,
                SubjectAliases.ofGithubLogin(author), null, null, repository, number, additions, deletions, labels,
                evidence, null);
    }

    /**
     * {@code labels[].name}, the first {@link SubmissionRules#MAX_LABELS} that name no email address: a merge is
     * not refused for carrying more labels than we keep (GitHub allows more).
     */
    private static List<String> labelNames(JsonFields pullRequest) {
        JsonNode labels = pullRequest.node("labels");
        if (labels == null) {
            return List.of();
        }
        if (!labels.isArray()) {
            pullRequest.refuse("labels", "must be an array of label objects");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int index = 0; index < labels.size() && names.size() < SubmissionRules.MAX_LABELS; index++) {
            JsonNode name = labels.get(index).isObject() ? labels.get(index).get("name") : null;
            if (name == null || !name.isString()) {
                pullRequest.refuse("labels[" + index + "].name", "is required: a string");
            } else if (!EmailAddresses.in(name.getStringValue())) {
                // A label naming a person by address is left out, as the labels beyond the limit are.
                names.add(name.getStringValue().strip());
            }
        }
        return names;
    }

    private static Long requiredCount(JsonFields object, String field, long max) {
        if (object.node(field) == null) {
            object.refuse(field, "is required for a merged pull request");
            return null;
        }
        return object.count(field, max);
    }

    private static JsonFields requiredObject(JsonFields parent, String field) {
        JsonFields object = parent.object(field);
        if (object == null && parent.node(field) == null) {
            parent.refuse(field, "is required for a merged pull request");
        }
        return object;
    }

    static String githubPath(String field) {
        if (field.startsWith("labels[")) {
            return "pull_request." + field + ".name";
        }
        if (field.startsWith("aiAssistance")) {
            return "pull_request.body";
        }
        return GITHUB_PATHS.getOrDefault(field, field);
    }

    private static void refuseIfAny(List<FieldError> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
    }
}
