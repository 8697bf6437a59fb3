package dev.aispend.ingest.source.api;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeJsonAdapterTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void keeps_only_agents_co_author_identities_and_leaves_a_persons_trailer_out() {
        String outcome = OutcomeJsonMother.mergedPullRequest("pr-1").replace(
                "\"coAuthoredBy\": [\"Claude <noreply@anthropic.com>\"]", "\"coAuthoredBy\": ["
                        + "\"Claude <noreply@anthropic.com>\", \"Mona Lisa <mona@example.com>\", "
                        + "\"mona@example.com\", \"Mona Lisa\", \"Generated with Claude Code\", \"label:ai-assisted\", "
                        + "\"Copilot <175728472+Copilot@users.noreply.github.com>\", "
                        + "\"Claude <noreply@anthropic.com>\"]");

        OutcomeSubmission submission = OutcomeJsonAdapter.single(tree(outcome));

        assertThat(submission.aiAssistance().coAuthoredBy()).containsExactly("Claude <noreply@anthropic.com>",
                "Generated with Claude Code", "label:ai-assisted",
                "Copilot <175728472+Copilot@users.noreply.github.com>");
        assertThat(submission.aiAssistance().sessionIds()).containsExactly("4f1c2a9e-5d7b-4c1e-9a3f-2b8d6e0c7a15");
    }

    @Test
    void refuses_an_id_in_an_adapters_namespace_naming_it() {
        String batch = "{\"outcomes\": [" + OutcomeJsonMother.deployments("deploy-1") + ", "
                + OutcomeJsonMother.mergedPullRequest("github-pr-2840001") + "]}";

        assertThatThrownBy(() -> OutcomeJsonAdapter.batch(tree(batch)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field)
                                .containsExactly("outcomes[1].id"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
