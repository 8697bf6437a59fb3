package dev.aispend.demo;

import java.util.List;
import java.util.Random;

/**
 * Titles, branches and descriptions of the demo's pull requests, with the AI-assistance marks agents really leave
 * (docs/github.md): Claude Code's footer, a {@code Co-authored-by} trailer of an agent's address, a Claude Code
 * session link, an {@code ai-assisted} label. About three in four pull requests of Claude Code users carry one.
 */
final class PullRequestText {
    private static final List<String> TITLES = List.of("Add retry with backoff to the exporter",
            "Fix flaky pagination test", "Cache the rate lookups per request", "Split the settings page",
            "Upgrade the HTTP client", "Handle empty responses from the search backend", "Add metrics for queue lag",
            "Refactor the billing adapter", "Document the deployment runbook", "Remove the legacy feature flag",
            "Validate webhook payload sizes", "Speed up the nightly report query");
    private static final List<String> WORDS = List.of("retry", "pagination", "cache", "settings", "client",
            "search", "metrics", "billing", "runbook", "flags", "webhooks", "reports");
    private static final String FOOTER = "🤖 Generated with [Claude Code](https://claude.com/claude-code)";

    /** A description, its labels, and whether it carries an agent's mark. */
    record Marks(String body, List<String> labels, boolean aiAssisted) {
    }

    String title(Random random) {
        return Draw.pick(random, TITLES);
    }

    String branch(Random random, int number) {
        return "feat/" + Draw.pick(random, WORDS) + "-" + number;
    }

    Marks marks(Person person, Use near, Random random) {
        String summary = "## Summary\n\n- " + Draw.pick(random, TITLES).toLowerCase() + "\n- tests updated\n";
        return switch (person.client()) {
            case CLAUDE_CODE -> claudeCode(summary, near, random);
            case GATEWAY -> Draw.chance(random, 0.6)
                    ? new Marks(summary + "\nCo-authored-by: Codex <noreply@openai.com>\n", List.of(), true)
                    : new Marks(summary, List.of(), false);
            case NOTEBOOK -> Draw.chance(random, 0.4)
                    ? new Marks(summary, List.of("ai-assisted"), true) : new Marks(summary, List.of(), false);
            case SUPPORT_ASSISTANT -> new Marks(summary, List.of(), false);
        };
    }

    /** {@code near} is a use of the same week, or null when the author used no AI that week. */
    private Marks claudeCode(String summary, Use near, Random random) {
        if (near == null || !Draw.chance(random, 0.75)) {
            return new Marks(summary, List.of("enhancement"), false);
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Marks(summary + "\n" + FOOTER + "\n", List.of(), true);
            case 1 -> new Marks(summary + "\nCo-authored-by: Claude <noreply@anthropic.com>\n", List.of(), true);
            case 2 -> new Marks(summary + "\nSession: https://claude.ai/code/" + near.sessionId() + "\n",
                    List.of(), true);
            default -> new Marks(summary, List.of("ai-assisted"), true);
        };
    }
}
