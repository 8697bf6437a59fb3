package dev.aispend.ingest.acceptance;

import dev.aispend.contracts.usage.UsageAccounting;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which sources count as spend (docs/sources-of-truth.md). The same calls can reach us from an agent's telemetry,
 * a gateway and the provider's report; one configured source of truth per team or provider counts, the others
 * are recorded as evidence, never added. The most specific setting wins: the team's, then the provider's, then
 * the default. A setting is a comma-separated list of sources; an entry names a channel ({@code otlp}, matching
 * every {@code otlp:*}) or one client ({@code otlp:claude-code}).
 *
 * <p>Outcomes have their own list: the same commits and sessions reach us from Claude Code's telemetry and from
 * Anthropic's daily Claude Code report, so an outcome counts only from a configured outcome source (by default the
 * per-event ones: our API, OTLP, GitHub); any other source's outcomes are recorded as evidence.
 */
public final class SourceOfTruth {
    /** Per-event outcome sources; the provider reports restate them a day later. */
    public static final String DEFAULT_OUTCOME_SOURCES = "api,otlp,github";

    private final List<String> defaultSources;
    private final List<String> outcomeSources;
    private final Map<String, List<String>> byProvider;
    private final Map<String, List<String>> byTeam;

    public SourceOfTruth(String defaultSources, Map<String, String> byProvider, Map<String, String> byTeam) {
        this(defaultSources, byProvider, byTeam, DEFAULT_OUTCOME_SOURCES);
    }

    public SourceOfTruth(String defaultSources, Map<String, String> byProvider, Map<String, String> byTeam,
                         String outcomeSources) {
        this.defaultSources = parse(defaultSources);
        this.outcomeSources = parse(outcomeSources);
        this.byProvider = byProvider.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> parse(entry.getValue())));
        this.byTeam = byTeam.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> parse(entry.getValue())));
    }

    /** SPEND when {@code source} is a source of truth for the team (else the provider, else by default). */
    public UsageAccounting accountingOf(String source, @Nullable String provider, String team) {
        List<String> counting = byTeam.get(team);
        if (counting == null && provider != null) {
            counting = byProvider.get(provider.toLowerCase(Locale.ROOT));
        }
        if (counting == null) {
            counting = defaultSources;
        }
        return matches(source, counting) ? UsageAccounting.SPEND : UsageAccounting.EVIDENCE;
    }

    /** SPEND when {@code source} is one of the configured outcome sources, EVIDENCE for any other. */
    public UsageAccounting outcomeAccountingOf(String source) {
        return matches(source, outcomeSources) ? UsageAccounting.SPEND : UsageAccounting.EVIDENCE;
    }

    private static boolean matches(String source, List<String> entries) {
        for (String entry : entries) {
            if (source.equals(entry) || source.startsWith(entry + ":")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> parse(String sources) {
        return Arrays.stream(sources.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
