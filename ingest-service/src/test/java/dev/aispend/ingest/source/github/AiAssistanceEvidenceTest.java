package dev.aispend.ingest.source.github;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AiAssistanceEvidenceTest {

    @Test
    void records_the_co_authored_by_trailers_of_known_agents_as_written() {
        String body = """
                Fixes the flaky retry.

                Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>
                co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>
                Co-authored-by: Cursor Agent <cursoragent@cursor.com>
                Co-authored-by: Codex <noreply@openai.com>
                Co-Authored-By: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>
                Co-authored-by: aider (gpt-4o) <noreply@aider.chat>
                """;

        assertThat(AiAssistanceEvidence.of(body, List.of()).coAuthoredBy()).containsExactly(
                "Claude Sonnet 4.5 <noreply@anthropic.com>",
                "Copilot <175728472+Copilot@users.noreply.github.com>",
                "Cursor Agent <cursoragent@cursor.com>",
                "Codex <noreply@openai.com>",
                "Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
                "aider (gpt-4o) <noreply@aider.chat>");
    }

    @Test
    void ignores_human_co_authors_and_trailers_that_are_not_on_their_own_line() {
        String body = """
                Co-authored-by: Mona Lisa <mona@example.com>
                As discussed, Co-authored-by: Claude <noreply@anthropic.com> is what the agent writes.
                Co-authored-by: Claude <noreply@anthropic.com.evil.example>
                """;

        assertThat(AiAssistanceEvidence.of(body, List.of())).isEqualTo(AiAssistance.NONE);
    }

    @Test
    void records_an_agents_generated_with_footer_and_claude_code_session_links() {
        String body = "Summary\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n"
                + "Session: https://claude.ai/code/session_011CUdF7jGzVq3kT9wXhRbYp\n"
                + "Resume: claude://code/session_01Xy7PqR9s\n"
                + "Start one at https://claude.ai/code/new\n"
                + "Generated with [my script](https://example.com)";

        AiAssistance evidence = AiAssistanceEvidence.of(body, List.of());

        assertThat(evidence.coAuthoredBy()).containsExactly("Generated with Claude Code");
        assertThat(evidence.sessionIds()).containsExactly("session_011CUdF7jGzVq3kT9wXhRbYp", "session_01Xy7PqR9s");
    }

    @Test
    void records_a_label_that_marks_assisted_work_whatever_its_case() {
        assertThat(AiAssistanceEvidence.of(null, List.of("bug", "AI-Assisted")).coAuthoredBy())
                .containsExactly("label:AI-Assisted");
    }

    @Test
    void keeps_at_most_fifty_distinct_items_and_leaves_out_one_the_rules_would_refuse() {
        String body = IntStream.range(0, 60).mapToObj(index -> "Co-authored-by: Claude " + index
                + " <noreply@anthropic.com>").collect(Collectors.joining("\n"))
                + "\nCo-authored-by: Claude 0 <noreply@anthropic.com>";
        String tooLong = "Co-authored-by: " + "C".repeat(400) + " <noreply@anthropic.com>";

        assertThat(AiAssistanceEvidence.of(body, List.of()).coAuthoredBy()).hasSize(50).doesNotHaveDuplicates();
        assertThat(AiAssistanceEvidence.of(tooLong, List.of())).isEqualTo(AiAssistance.NONE);
    }
}
