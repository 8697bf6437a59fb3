package dev.aispend.ingest.source.github;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.identity.SubjectAliases;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullRequestMergesTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void turns_githubs_merged_pull_request_into_one_outcome_of_its_author() {
        WebhookDecision decision = PullRequestMerges.decide("pull_request", parse(GitHubFixtures.text(
                GitHubFixtures.MERGED)));

        assertThat(decision).isInstanceOf(WebhookDecision.Merged.class);
        OutcomeSubmission outcome = ((WebhookDecision.Merged) decision).outcome();
        assertThat(outcome.id()).isEqualTo("github-pr-" + GitHubFixtures.PULL_REQUEST_ID);
        assertThat(outcome.kind()).isEqualTo("pull_request_merged");
        assertThat(outcome.source()).isEqualTo("github");
        assertThat(outcome.occurredAt()).isEqualTo(Instant.parse(GitHubFixtures.EXAMPLE_CLOSED_AT));
        assertThat(outcome.subject()).isEqualTo(SubjectAliases.ofGithubLogin("Codertocat"));
        assertThat(outcome.team()).isNull();
        assertThat(outcome.repository()).isEqualTo("Codertocat/Hello-World");
        assertThat(outcome.number()).isEqualTo(2L);
        assertThat(outcome.additions()).isEqualTo(1L);
        assertThat(outcome.deletions()).isEqualTo(1L);
        assertThat(outcome.labels()).containsExactly("bug");
        assertThat(outcome.count()).isNull();
        assertThat(outcome.aiAssistance().coAuthoredBy())
                .containsExactly("Claude <noreply@anthropic.com>", "Generated with Claude Code");
        assertThat(outcome.aiAssistance().sessionIds()).containsExactly("session_011CUdF7jGzVq3kT9wXhRbYp");
    }

    @Test
    void gives_the_same_outcome_id_whichever_delivery_carries_the_merge() {
        String merged = GitHubFixtures.text(GitHubFixtures.MERGED);
        OutcomeSubmission first = ((WebhookDecision.Merged) PullRequestMerges.decide("pull_request", parse(merged)))
                .outcome();
        OutcomeSubmission renamed = ((WebhookDecision.Merged) PullRequestMerges.decide("pull_request",
                parse(merged.replace("Codertocat/Hello-World", "Octocoders/Hello-World")))).outcome();

        assertThat(renamed.id()).isEqualTo(first.id());
    }

    @Test
    void ignores_githubs_unmerged_close_a_ping_other_actions_and_other_events() {
        assertThat(PullRequestMerges.decide("pull_request", parse(GitHubFixtures.text(GitHubFixtures.UNMERGED))))
                .isEqualTo(new WebhookDecision.Ignored("the pull request was closed without being merged"));
        assertThat(PullRequestMerges.decide("ping", parse(GitHubFixtures.text(GitHubFixtures.PING))))
                .isInstanceOf(WebhookDecision.Ignored.class);
        assertThat(PullRequestMerges.decide("pull_request", parse(GitHubFixtures.text(GitHubFixtures.MERGED)
                .replace("\"action\": \"closed\"", "\"action\": \"labeled\""))))
                .isEqualTo(new WebhookDecision.Ignored("pull_request action labeled is not a merge"));
        assertThat(PullRequestMerges.decide("push", parse("{\"ref\": \"refs/heads/main\"}")))
                .isInstanceOf(WebhookDecision.Ignored.class);
    }

    @Test
    void refuses_a_merge_without_the_fields_an_outcome_needs_naming_each_by_its_github_path() {
        String merged = GitHubFixtures.text(GitHubFixtures.MERGED)
                .replace("\"merged_at\": \"" + GitHubFixtures.EXAMPLE_CLOSED_AT + "\"", "\"merged_at\": null")
                .replace("\"full_name\": \"Codertocat/Hello-World\"", "\"full_name\": 7")
                .replace("\"additions\": 1", "\"additions\": -1");

        assertThatThrownBy(() -> PullRequestMerges.decide("pull_request", parse(merged)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(violation -> violation.field())
                                .containsExactlyInAnyOrder("pull_request.merged_at", "repository.full_name",
                                        "pull_request.additions"));
    }

    @Test
    void refuses_a_merged_flag_that_is_not_a_boolean_and_a_payload_that_is_not_an_object() {
        String merged = GitHubFixtures.text(GitHubFixtures.MERGED).replace("\"merged\": true", "\"merged\": \"true\"");

        assertThatThrownBy(() -> PullRequestMerges.decide("pull_request", parse(merged)))
                .hasMessageContaining("pull_request.merged: must be true or false");
        assertThatThrownBy(() -> PullRequestMerges.decide("pull_request", parse("[1, 2]")))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> PullRequestMerges.decide("pull_request", parse("{\"action\": \"closed\"}")))
                .hasMessageContaining("pull_request: is required");
    }

    @Test
    void names_the_github_path_of_a_field_the_shared_rules_refuse() {
        assertThat(PullRequestMerges.githubPath("occurredAt")).isEqualTo("pull_request.merged_at");
        assertThat(PullRequestMerges.githubPath("githubLogin")).isEqualTo("pull_request.user.login");
        assertThat(PullRequestMerges.githubPath("labels[3]")).isEqualTo("pull_request.labels[3].name");
        assertThat(PullRequestMerges.githubPath("aiAssistance.coAuthoredBy[0]")).isEqualTo("pull_request.body");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
