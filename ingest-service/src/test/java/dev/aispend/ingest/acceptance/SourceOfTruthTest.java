package dev.aispend.ingest.acceptance;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.aispend.contracts.usage.UsageAccounting.EVIDENCE;
import static dev.aispend.contracts.usage.UsageAccounting.SPEND;
import static org.assertj.core.api.Assertions.assertThat;

class SourceOfTruthTest {
    private final SourceOfTruth defaults = new SourceOfTruth("api,otlp,litellm", Map.of(), Map.of());

    @Test
    void counts_per_call_clients_and_keeps_provider_reports_as_evidence_by_default() {
        assertThat(defaults.accountingOf("api", null, "platform")).isEqualTo(SPEND);
        assertThat(defaults.accountingOf("api:cursor", null, "platform")).isEqualTo(SPEND);
        assertThat(defaults.accountingOf("otlp:claude-code", "anthropic", "platform")).isEqualTo(SPEND);
        assertThat(defaults.accountingOf("litellm", "openai", "platform")).isEqualTo(SPEND);
        assertThat(defaults.accountingOf("anthropic:usage-report", "anthropic", "platform")).isEqualTo(EVIDENCE);
        assertThat(defaults.accountingOf("openai:costs", "openai", "platform")).isEqualTo(EVIDENCE);
    }

    @Test
    void matches_a_channel_or_one_client_but_not_a_prefix_of_a_word() {
        SourceOfTruth claudeCodeOnly = new SourceOfTruth("otlp:claude-code", Map.of(), Map.of());

        assertThat(claudeCodeOnly.accountingOf("otlp:claude-code", null, "t")).isEqualTo(SPEND);
        assertThat(claudeCodeOnly.accountingOf("otlp:my-agent", null, "t")).isEqualTo(EVIDENCE);
        assertThat(new SourceOfTruth("api", Map.of(), Map.of()).accountingOf("apix", null, "t")).isEqualTo(EVIDENCE);
    }

    @Test
    void lets_the_team_setting_win_over_the_provider_and_the_provider_over_the_default() {
        SourceOfTruth configured = new SourceOfTruth("api,otlp,litellm", Map.of("Anthropic", "otlp"),
                Map.of("research", "litellm"));

        assertThat(configured.accountingOf("litellm", "anthropic", "platform")).isEqualTo(EVIDENCE);
        assertThat(configured.accountingOf("otlp:claude-code", "anthropic", "platform")).isEqualTo(SPEND);
        assertThat(configured.accountingOf("otlp:claude-code", "anthropic", "research")).isEqualTo(EVIDENCE);
        assertThat(configured.accountingOf("litellm", "anthropic", "research")).isEqualTo(SPEND);
        assertThat(configured.accountingOf("litellm", "openai", "platform")).isEqualTo(SPEND);
    }

    @Test
    void counts_outcomes_from_per_event_sources_and_keeps_a_providers_daily_report_as_evidence_by_default() {
        assertThat(defaults.outcomeAccountingOf("api")).isEqualTo(SPEND);
        assertThat(defaults.outcomeAccountingOf("otlp:claude-code")).isEqualTo(SPEND);
        assertThat(defaults.outcomeAccountingOf("github")).isEqualTo(SPEND);
        assertThat(defaults.outcomeAccountingOf("anthropic:claude-code-report")).isEqualTo(EVIDENCE);
        assertThat(defaults.outcomeAccountingOf("githubx")).isEqualTo(EVIDENCE);
    }

    @Test
    void counts_outcomes_only_from_the_configured_outcome_sources() {
        SourceOfTruth reportCounts = new SourceOfTruth("api,otlp,litellm", Map.of(), Map.of(),
                "github,anthropic:claude-code-report");

        assertThat(reportCounts.outcomeAccountingOf("anthropic:claude-code-report")).isEqualTo(SPEND);
        assertThat(reportCounts.outcomeAccountingOf("github")).isEqualTo(SPEND);
        assertThat(reportCounts.outcomeAccountingOf("otlp:claude-code")).isEqualTo(EVIDENCE);
        assertThat(reportCounts.accountingOf("otlp:claude-code", "anthropic", "t")).isEqualTo(SPEND);
    }
}
