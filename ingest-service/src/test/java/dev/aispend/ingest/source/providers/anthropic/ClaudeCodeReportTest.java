package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.providers.MappedPage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.aispend.ingest.source.providers.PageFixtures.AFTER_THE_FIXTURES;
import static dev.aispend.ingest.source.providers.PageFixtures.CLAUDE_CODE;
import static dev.aispend.ingest.source.providers.PageFixtures.REFS;
import static dev.aispend.ingest.source.providers.PageFixtures.json;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClaudeCodeReportTest {
    private final ClaudeCodeReport report = new ClaudeCodeReport(REFS, AFTER_THE_FIXTURES);

    @Test
    void records_one_use_per_actor_day_and_model_with_the_estimated_cost_in_cents() {
        List<UsageSubmission> usage = report.map(json(text(CLAUDE_CODE))).usage();

        assertThat(usage).extracting(UsageSubmission::model, UsageSubmission::tokens,
                        UsageSubmission::reportedCostUsdMicros)
                .containsExactly(
                        tuple("claude-sonnet-4-20250514", new TokenCounts(45230, 12450, 8790, 2340, 0, 0), 1_860_000L),
                        tuple("claude-3-5-haiku-20241022", new TokenCounts(23100, 5680, 3420, 890, 0, 0), 420_000L),
                        tuple("claude-sonnet-4-20250514", new TokenCounts(3100, 820, 1200, 0, 0, 0), 125_000L));
        assertThat(usage.get(0).occurredAt()).isEqualTo(Instant.parse("2025-08-08T00:00:00Z"));
        assertThat(usage.get(0).source()).isEqualTo("anthropic:claude-code-report");
        assertThat(usage.get(0).subject()).isEqualTo(SubjectAliases.ofEmail("user@emaildomain.com"));
        assertThat(usage.get(2).subject()).isEqualTo(new SubjectAliases(null, null, null, null, "ci-claude-code"));
        assertThat(usage.get(0).attributes()).containsEntry("anthropic.terminal_type", "iTerm.app")
                .containsEntry("anthropic.customer_type", "api");
    }

    @Test
    void turns_core_metrics_into_counted_outcomes_and_skips_zeros() {
        MappedPage page = report.map(json(text(CLAUDE_CODE)));

        assertThat(page.outcomes()).extracting(OutcomeSubmission::kind, OutcomeSubmission::count,
                        OutcomeSubmission::additions, OutcomeSubmission::deletions)
                .containsExactly(
                        tuple("commit", 8L, null, null), tuple("pull_request_created", 2L, null, null),
                        tuple("agent_session", 15L, null, null), tuple("lines_of_code", null, 342L, 128L),
                        tuple("commit", 3L, null, null), tuple("agent_session", 4L, null, null),
                        tuple("lines_of_code", null, 57L, 9L));
        assertThat(page.outcomes()).allSatisfy(outcome -> {
            assertThat(outcome.source()).isEqualTo("anthropic:claude-code-report");
            assertThat(outcome.occurredAt()).isEqualTo(Instant.parse("2025-08-08T00:00:00Z"));
        });
    }

    @Test
    void gives_stable_ids_that_never_contain_the_actors_email() {
        MappedPage first = report.map(json(text(CLAUDE_CODE)));
        MappedPage again = report.map(json(text(CLAUDE_CODE)));

        List<String> ids = first.usage().stream().map(UsageSubmission::id).toList();
        assertThat(again.usage()).extracting(UsageSubmission::id).isEqualTo(ids);
        assertThat(first.outcomes()).extracting(OutcomeSubmission::id).doesNotHaveDuplicates()
                .noneMatch(id -> id.contains("emaildomain"));
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.contains("emaildomain"));
    }

    @Test
    void reads_the_date_as_the_documented_day_too() {
        String day = text(CLAUDE_CODE).replace("\"date\": \"2025-08-08T00:00:00Z\"", "\"date\": \"2025-08-08\"");

        assertThat(report.map(json(day)).usage()).extracting(UsageSubmission::occurredAt)
                .containsOnly(Instant.parse("2025-08-08T00:00:00Z"));
    }

    @Test
    void refuses_an_unknown_actor_type_and_a_non_usd_estimate() {
        String broken = text(CLAUDE_CODE).replace("\"type\": \"api_actor\"", "\"type\": \"robot\"")
                .replaceFirst("\"currency\": \"USD\"", "\"currency\": \"GBP\"");

        assertThatThrownBy(() -> report.map(json(broken))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("data[0].model_breakdown[0].estimated_cost.currency", "data[1].actor.type"));
    }

    @Test
    void refuses_a_day_not_yet_over_naming_its_date_and_takes_it_once_the_day_has_ended() {
        Instant dayEnds = Instant.parse("2025-08-09T00:00:00Z");
        ClaudeCodeReport lastMinute = new ClaudeCodeReport(REFS, Clock.fixed(dayEnds.minusSeconds(1), ZoneOffset.UTC));
        ClaudeCodeReport nextDay = new ClaudeCodeReport(REFS, Clock.fixed(dayEnds, ZoneOffset.UTC));

        assertThatThrownBy(() -> lastMinute.map(json(text(CLAUDE_CODE))))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .extracting(violation -> violation.field()).contains("data[0].date")
                        .allMatch(field -> field.matches("data\\[\\d+]\\.date")));
        assertThat(nextDay.map(json(text(CLAUDE_CODE))).usage()).hasSize(3);
    }

    @Test
    void refuses_an_estimated_cost_too_large_to_hold_in_usd_micros_naming_it() {
        String huge = text(CLAUDE_CODE).replace("\"amount\": 186", "\"amount\": 100000000000000000");

        assertThatThrownBy(() -> report.map(json(huge))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("data[0].model_breakdown[0].estimated_cost.amount"));
    }
}
