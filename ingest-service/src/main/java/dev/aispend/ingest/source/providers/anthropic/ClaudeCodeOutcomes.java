package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.providers.MappedPage;
import dev.aispend.ingest.source.providers.ProviderPage;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The outcomes of a Claude Code report record's {@code core_metrics}, with the kind names Claude Code's own
 * telemetry counters get: {@code commits_by_claude_code} is {@code commit}, {@code pull_requests_by_claude_code}
 * is {@code pull_request_created} (created, not merged: the report does not say), {@code num_sessions} is
 * {@code agent_session}, each with its number as the count; {@code lines_of_code {added, removed}} is one
 * {@code lines_of_code} outcome with additions and deletions. Zeros are skipped. The report gives no session ids,
 * so no AI-assistance evidence is attached: the source ({@code anthropic:claude-code-report}) says who did it.
 */
final class ClaudeCodeOutcomes {
    static final String COMMIT = "commit";
    static final String PULL_REQUEST_CREATED = "pull_request_created";
    static final String AGENT_SESSION = "agent_session";
    static final String LINES_OF_CODE = "lines_of_code";

    private ClaudeCodeOutcomes() {
    }

    static void add(JsonFields record, @Nullable Instant day, ClaudeCodeReport.Actor actor, @Nullable String terminal,
                    MappedPage mapped) {
        JsonFields metrics = record.object("core_metrics");
        if (metrics == null) {
            return;
        }
        String path = ProviderPage.pathOf(metrics);
        counted(COMMIT, ProviderPage.count(metrics, "commits_by_claude_code"), day, actor, terminal, path, mapped);
        counted(PULL_REQUEST_CREATED, ProviderPage.count(metrics, "pull_requests_by_claude_code"), day, actor,
                terminal, path, mapped);
        counted(AGENT_SESSION, ProviderPage.count(metrics, "num_sessions"), day, actor, terminal, path, mapped);
        JsonFields lines = metrics.object("lines_of_code");
        long added = ProviderPage.count(lines, "added");
        long removed = ProviderPage.count(lines, "removed");
        if (added == 0 && removed == 0) {
            return;
        }
        mapped.add(new OutcomeSubmission(id(day, actor, terminal, LINES_OF_CODE), LINES_OF_CODE, day,
                ClaudeCodeReport.SOURCE, actor.subject(), null, null, null, null, added, removed, List.of(),
                AiAssistance.NONE, null), path);
    }

    private static void counted(String kind, long count, @Nullable Instant day, ClaudeCodeReport.Actor actor,
                                @Nullable String terminal, String path, MappedPage mapped) {
        if (count == 0) {
            return;
        }
        mapped.add(new OutcomeSubmission(id(day, actor, terminal, kind), kind, day, ClaudeCodeReport.SOURCE,
                actor.subject(), null, null, null, null, null, null, List.of(), AiAssistance.NONE, count), path);
    }

    private static String id(@Nullable Instant day, ClaudeCodeReport.Actor actor, @Nullable String terminal,
                             String kind) {
        return DeterministicIds.of(IdPrefixes.ANTHROPIC_CLAUDE_CODE, day, actor.type(), actor.ref(), terminal,
                "outcome", kind);
    }
}
