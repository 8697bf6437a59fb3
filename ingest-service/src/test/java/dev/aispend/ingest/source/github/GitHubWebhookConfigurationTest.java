package dev.aispend.ingest.source.github;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubWebhookConfigurationTest {

    @Test
    void takes_one_secret_and_a_comma_separated_rotation_list_without_blanks_or_repeats() {
        assertThat(new GitHubWebhookConfiguration("current\n", " next , current,, ").secrets())
                .containsExactly("current", "next");
    }

    @Test
    void has_no_secret_when_none_is_configured() {
        assertThat(new GitHubWebhookConfiguration(null, null).secrets()).isEmpty();
        assertThat(new GitHubWebhookConfiguration("", " , ").secrets()).isEmpty();
    }

    @Test
    void refuses_more_secrets_than_a_rotation_needs() {
        assertThatThrownBy(() -> new GitHubWebhookConfiguration(null, "a,b,c,d,e").secrets())
                .hasMessageContaining("at most 4");
    }
}
