package dev.aispend.ingest.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentIdentitiesTest {

    @Test
    void recognises_an_agents_trailer_email_footer_label_and_name_whatever_the_case() {
        assertThat(AgentIdentities.agentEntry(" Claude <noreply@anthropic.com> "))
                .isEqualTo("Claude <noreply@anthropic.com>");
        assertThat(AgentIdentities.agentEntry("Cursor Agent <CursorAgent@cursor.com>"))
                .isEqualTo("Cursor Agent <CursorAgent@cursor.com>");
        assertThat(AgentIdentities.agentEntry("noreply@aider.chat")).isEqualTo("noreply@aider.chat");
        assertThat(AgentIdentities.agentEntry("Generated with Claude Code")).isEqualTo("Generated with Claude Code");
        assertThat(AgentIdentities.agentEntry("label:AI-Assisted")).isEqualTo("label:AI-Assisted");
        assertThat(AgentIdentities.agentEntry("GitHub Copilot")).isEqualTo("GitHub Copilot");
    }

    @Test
    void recognises_no_person_nor_a_look_alike_of_an_agent() {
        assertThat(AgentIdentities.agentEntry("Mona Lisa <mona@example.com>")).isNull();
        assertThat(AgentIdentities.agentEntry("mona@example.com")).isNull();
        assertThat(AgentIdentities.agentEntry("Mona Lisa")).isNull();
        assertThat(AgentIdentities.agentEntry("Claude <noreply@anthropic.com.evil.example>")).isNull();
        assertThat(AgentIdentities.agentEntry("Claude Code <mona@example.com>")).isNull();
        assertThat(AgentIdentities.agentEntry("Generated with my script")).isNull();
        assertThat(AgentIdentities.agentEntry("label:bug")).isNull();
    }
}
