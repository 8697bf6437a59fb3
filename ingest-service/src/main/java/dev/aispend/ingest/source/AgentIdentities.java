package dev.aispend.ingest.source;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which names, emails and labels are an AI agent's (docs/github.md, "AI-assistance evidence"), for every adapter
 * that records {@code aiAssistance.coAuthoredBy}: GitHub's pull request bodies and our own outcome API. The list
 * holds only agents: a person's {@code Name <email>} is personal data and never becomes ledger data, so an entry
 * this class does not recognise as an agent's is left out ({@link #agentEntry}). Pure: no I/O.
 */
public final class AgentIdentities {
    /** Agents' commit identities, as each agent writes its trailer. Lower-case; matched whole. */
    static final List<Pattern> AGENT_EMAILS = List.of(
            Pattern.compile("noreply@anthropic\\.com"),                                   // Claude Code
            Pattern.compile("(noreply|codex)@openai\\.com"),                              // OpenAI Codex
            Pattern.compile("\\d+\\+copilot@users\\.noreply\\.github\\.com"),              // GitHub Copilot
            Pattern.compile("cursoragent@cursor\\.com"),                                  // Cursor Agent
            Pattern.compile("\\d+\\+devin-ai-integration\\[bot]@users\\.noreply\\.github\\.com"), // Devin
            Pattern.compile("devin@cognition\\.ai"),                                      // Devin
            Pattern.compile("(noreply|aider)@aider\\.chat"));                             // Aider
    /** Agents whose "Generated with [Agent](link)" footer counts, as they write their names. Lower-case. */
    static final Set<String> FOOTER_AGENTS = Set.of("claude code", "devin", "codex", "cursor", "github copilot");
    /** Labels that mark assisted work. Lower-case; matched ignoring case. */
    static final Set<String> AI_LABELS = Set.of("ai-assisted", "ai-generated", "claude-code", "copilot", "codex",
            "cursor", "devin");

    private static final Pattern NAME_AND_EMAIL = Pattern.compile("(?<name>[^<>]*)<(?<email>[^<>]+)>");
    private static final String GENERATED_WITH = "generated with ";
    private static final String LABEL = "label:";

    private AgentIdentities() {
    }

    /** True when {@code email} (any case, whole address) is a known agent's commit identity. */
    public static boolean isAgentEmail(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return AGENT_EMAILS.stream().anyMatch(agent -> agent.matcher(normalized).matches());
    }

    /** True when {@code agent} (any case) is a known agent's name, as its attribution footer writes it. */
    public static boolean isFooterAgent(String agent) {
        return FOOTER_AGENTS.contains(agent.strip().toLowerCase(Locale.ROOT));
    }

    /** True when {@code label} (any case) marks assisted work. */
    public static boolean isAiLabel(String label) {
        return AI_LABELS.contains(label.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code entry}, stripped, when it names an agent in one of the forms the GitHub adapter records:
     * {@code Name <agent email>}, an agent's email alone, {@code Generated with <Agent>}, {@code label:<AI label>}
     * or an agent's name alone ({@code Claude Code}); null for anything else, a person's trailer or email above all.
     */
    public static @Nullable String agentEntry(String entry) {
        String stripped = entry.strip();
        Matcher trailer = NAME_AND_EMAIL.matcher(stripped);
        if (trailer.matches()) {
            return isAgentEmail(trailer.group("email")) ? stripped : null;
        }
        if (stripped.contains("@")) {
            return isAgentEmail(stripped) ? stripped : null;
        }
        String lowerCase = stripped.toLowerCase(Locale.ROOT);
        boolean agent = lowerCase.startsWith(GENERATED_WITH)
                ? isFooterAgent(stripped.substring(GENERATED_WITH.length()))
                : lowerCase.startsWith(LABEL) ? isAiLabel(stripped.substring(LABEL.length())) : isFooterAgent(stripped);
        return agent ? stripped : null;
    }
}
