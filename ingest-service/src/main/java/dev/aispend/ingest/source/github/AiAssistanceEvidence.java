package dev.aispend.ingest.source.github;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.source.AgentIdentities;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a pull request shows that an AI agent took part (docs/github.md, "AI-assistance evidence"). Only
 * explicit, agent-written marks count, never a guess from style or size:
 * <ul>
 *   <li>a {@code Co-authored-by: Name <email>} trailer line whose email is a known agent's
 *       ({@link AgentIdentities}), recorded as {@code Name <email>};</li>
 *   <li>an agent's attribution footer, {@code Generated with [Claude Code](...)} (Claude Code's default pull
 *       request attribution) or the same for another known agent, recorded as {@code Generated with <Agent>};</li>
 *   <li>a label an organisation puts on assisted work ({@link AgentIdentities#isAiLabel}), recorded as
 *       {@code label:<name>};</li>
 *   <li>session ids: a Claude Code session link, {@code https://claude.ai/code/<session id>} or
 *       {@code claude://code/<session id>} (the documented routes to an existing session).</li>
 * </ul>
 * Each list keeps the first {@link SubmissionRules#MAX_EVIDENCE_ITEMS} distinct items in order of appearance.
 * Pure: no I/O.
 */
final class AiAssistanceEvidence {
    private static final Pattern TRAILER = Pattern.compile(
            "^[ \\t]*co-authored-by:(?<name>[^<\\r\\n]*)<(?<email>[^>\\r\\n]+)>[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern FOOTER = Pattern.compile(
            "generated with \\[(?<agent>[^\\]\\r\\n]{1,40})]\\(https?://[^)\\s]+\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION_LINK = Pattern.compile(
            "(?:https://claude\\.ai/code/|claude://code/)(?<session>[A-Za-z0-9_-]{8,"
                    + SubmissionRules.MAX_SESSION_ID_LENGTH + "})(?![A-Za-z0-9_-])");
    private static final Set<String> NOT_SESSIONS = Set.of("new");

    private AiAssistanceEvidence() {
    }

    static AiAssistance of(@Nullable String body, List<String> labels) {
        Set<String> coAuthors = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        if (body != null) {
            Matcher trailer = TRAILER.matcher(body);
            while (trailer.find()) {
                String email = trailer.group("email").strip();
                if (AgentIdentities.isAgentEmail(email)) {
                    add(coAuthors, trailer.group("name").strip() + " <" + email + ">");
                }
            }
            Matcher footer = FOOTER.matcher(body);
            while (footer.find()) {
                String agent = footer.group("agent").strip();
                if (AgentIdentities.isFooterAgent(agent)) {
                    add(coAuthors, "Generated with " + agent);
                }
            }
            Matcher link = SESSION_LINK.matcher(body);
            while (link.find()) {
                if (!NOT_SESSIONS.contains(link.group("session"))) {
                    add(sessions, link.group("session"));
                }
            }
        }
        for (String label : labels) {
            if (AgentIdentities.isAiLabel(label)) {
                add(coAuthors, "label:" + label);
            }
        }
        return new AiAssistance(List.copyOf(sessions), List.copyOf(coAuthors));
    }

    /** Items the shared rules would refuse (too long, control characters) are left out, not the whole merge. */
    private static void add(Set<String> items, String item) {
        if (items.size() < SubmissionRules.MAX_EVIDENCE_ITEMS && item.length() <= SubmissionRules.MAX_ALIAS_LENGTH
                && SubmissionRules.PRINTABLE.matcher(item).matches()) {
            items.add(item);
        }
    }
}
