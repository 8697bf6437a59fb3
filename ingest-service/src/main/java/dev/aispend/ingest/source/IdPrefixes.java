package dev.aispend.ingest.source;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The prefixes of the ids ingest makes itself (for sources that send none, {@link DeterministicIds}, and for
 * sources whose own id is wrapped, LiteLLM's and GitHub's), in one place. The ledger keys records by id alone, so
 * our own API, where the client chooses the id, refuses every id in an adapter's namespace
 * ({@link #reservedPrefixOf}): otherwise a client could claim an adapter's id and the genuine record, arriving
 * later, would be flagged as a conflict. A whole channel's namespace is reserved ({@code otlp-}, not only the
 * prefixes the OTLP adapter uses today), so a prefix an adapter adds later is already reserved.
 */
public final class IdPrefixes {
    public static final String LITELLM = "litellm";
    public static final String OTLP_METRIC = "otlp-metric";
    public static final String OTLP_LOG = "otlp-log";
    public static final String OTLP_SPAN = "otlp-span";
    public static final String ANTHROPIC_USAGE = "anthropic-usage";
    public static final String ANTHROPIC_COST = "anthropic-cost";
    public static final String ANTHROPIC_CLAUDE_CODE = "anthropic-claude-code";
    public static final String OPENAI_USAGE = "openai-usage";
    public static final String OPENAI_COSTS = "openai-costs";
    public static final String GITHUB_PULL_REQUEST = "github-pr";
    /** The directory's identity links (identity.v1): not usage or outcomes, reserved all the same. */
    public static final String DIRECTORY_LINK = "lnk";

    /** Every id beginning with one of these (and its {@code -}) is an adapter's. */
    static final List<String> RESERVED_NAMESPACES = List.of(
            "litellm-", "otlp-", "anthropic-", "openai-", "github-", "lnk-");

    private IdPrefixes() {
    }

    /** The reserved namespace {@code id} lies in ({@code "otlp-"}), or null when a client may use it. */
    public static @Nullable String reservedPrefixOf(String id) {
        for (String namespace : RESERVED_NAMESPACES) {
            if (id.startsWith(namespace)) {
                return namespace;
            }
        }
        return null;
    }
}
