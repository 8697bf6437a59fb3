package dev.aispend.ingest.acceptance;

import dev.aispend.ingest.identity.SubjectAliases;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final SubmissionRules rules = new SubmissionRules(new IngestLimits(1_000_000, 1_000_000_000,
            Duration.ofMinutes(5), Duration.ofDays(400), Duration.ofDays(1100), 100, 3, 1_000_000_000L),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void accepts_a_complete_usage_submission() {
        assertThat(rules.check(usage(NOW, TokenCounts.of(10, 20), Map.of()), RecordAge.LIVE)).isEmpty();
    }

    @Test
    void refuses_times_outside_the_window_with_a_wider_window_for_backfills() {
        Instant twoYearsAgo = NOW.minus(Duration.ofDays(730));

        assertThat(fields(rules.check(usage(twoYearsAgo, TokenCounts.of(1, 1), Map.of()), RecordAge.LIVE)))
                .containsExactly("occurredAt");
        assertThat(rules.check(usage(twoYearsAgo, TokenCounts.of(1, 1), Map.of()), RecordAge.BACKFILL)).isEmpty();
        assertThat(fields(rules.check(usage(NOW.plusSeconds(301), TokenCounts.of(1, 1), Map.of()),
                RecordAge.BACKFILL))).containsExactly("occurredAt");
        assertThat(fields(rules.check(usage(Instant.parse("0001-01-01T00:00:00Z"), TokenCounts.of(1, 1),
                Map.of()), RecordAge.BACKFILL))).containsExactly("occurredAt");
    }

    @Test
    void refuses_a_record_over_the_token_limit_in_one_type_or_all_together() {
        assertThat(fields(rules.check(usage(NOW, TokenCounts.of(1_000_001, 0), Map.of()), RecordAge.LIVE)))
                .containsExactly("inputTokens");
        assertThat(rules.check(usage(NOW, TokenCounts.of(600_000, 600_000), Map.of()), RecordAge.LIVE))
                .extracting(FieldError::message).singleElement().asString().contains("all token counts together");
    }

    @Test
    void lets_an_imported_aggregate_carry_more_tokens_than_one_call() {
        UsageSubmission dailyBucket = usage(NOW, TokenCounts.of(400_000_000, 100_000_000), Map.of());

        assertThat(fields(rules.check(dailyBucket, RecordAge.LIVE))).containsExactly("inputTokens");
        assertThat(rules.check(dailyBucket, RecordAge.BACKFILL)).isEmpty();
    }

    @Test
    void bounds_the_extra_attributes_in_number_key_and_value() {
        assertThat(fields(rules.check(usage(NOW, TokenCounts.of(1, 1), Map.of("a", "1", "b", "2", "c", "3",
                "d", "4")), RecordAge.LIVE))).containsExactly("attributes");
        assertThat(fields(rules.check(usage(NOW, TokenCounts.of(1, 1), Map.of("bad key", "1")), RecordAge.LIVE)))
                .containsExactly("attributes.bad key");
        assertThat(fields(rules.check(usage(NOW, TokenCounts.of(1, 1), Map.of("k", "v".repeat(257))),
                RecordAge.LIVE))).containsExactly("attributes.k");
    }

    @Test
    void names_every_bad_field_at_once() {
        UsageSubmission bad = new UsageSubmission("has space", NOW, "API", SubjectAliases.ofEmail("a\u0000b"),
                "-team", null, null, "", TokenCounts.of(1, 1), null, null, null, -1L, Map.of(), false);

        assertThat(fields(rules.check(bad, RecordAge.LIVE))).containsExactlyInAnyOrder("id", "source", "email",
                "team", "model", "reportedCostUsdMicros");
    }

    @Test
    void refuses_an_outcome_with_a_bad_kind_negative_lines_or_a_zero_count() {
        OutcomeSubmission outcome = new OutcomeSubmission("pr-1", "Pull Request", NOW, "api",
                SubjectAliases.ofGithubLogin("octocat"), null, null, "acme/api", 7L, -1L, 0L, List.of(), null, 0L);

        assertThat(fields(rules.check(outcome, RecordAge.LIVE))).containsExactlyInAnyOrder("kind", "additions",
                "count");
    }

    @Test
    void refuses_an_email_address_in_free_text_that_would_reach_the_ledger_naming_each_field() {
        UsageSubmission usage = new UsageSubmission("req-1", NOW, "api", SubjectAliases.ofEmail("alice@example.com"),
                "platform", null, "anthropic", "claude-sonnet-4-5", TokenCounts.of(1, 1), "coding",
                "session of bob@example.com", "mailto:carol@example.org", null, Map.of("reviewer", "Dave <d@x.io>"),
                false);
        OutcomeSubmission outcome = new OutcomeSubmission("pr-1", "pull_request_merged", NOW, "api",
                SubjectAliases.ofGithubLogin("octocat"), null, null, "acme/api", 7L, 1L, 1L,
                List.of("ok", "owner:erin@example.com"), new OutcomeRecord.AiAssistance(List.of("s@x.io"),
                List.of("Claude <noreply@anthropic.com>")), null);

        assertThat(rules.check(usage, RecordAge.LIVE)).extracting(FieldError::field)
                .containsExactly("sessionId", "requestId", "attributes.reviewer");
        assertThat(rules.check(usage, RecordAge.LIVE)).extracting(FieldError::message)
                .allMatch(message -> message.startsWith("must not contain an email address"));
        // An agent's commit identity is evidence, not a person: coAuthoredBy keeps it (AgentIdentities).
        assertThat(fields(rules.check(outcome, RecordAge.LIVE))).containsExactly("labels[1]",
                "aiAssistance.sessionIds[0]");
    }

    private static UsageSubmission usage(Instant at, TokenCounts tokens, Map<String, String> attributes) {
        return new UsageSubmission("req-1", at, "api", SubjectAliases.ofEmail("alice@example.com"), "platform",
                null, "anthropic", "claude-sonnet-4-5", tokens, "coding", "session-1", null, 5_000L, attributes,
                false);
    }

    private static List<String> fields(List<FieldError> violations) {
        return violations.stream().map(FieldError::field).toList();
    }
}
