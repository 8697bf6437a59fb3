package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.providers.MappedPage;
import dev.aispend.ingest.source.providers.PageMapper;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.ingest.source.providers.ReportSource;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of Anthropic's Admin API {@code GET /v1/organizations/usage_report/claude_code}: per actor and day, one
 * usage record per model of {@code model_breakdown} (tokens; {@code estimated_cost.amount} is a NUMBER of cents) and
 * outcomes from {@code core_metrics} ({@link ClaudeCodeOutcomes}). The actor is a user ({@code email_address}, the
 * email alias) or an API key ({@code api_key_name}: the report gives the key's name, not its id, so the directory
 * maps that name as an API key alias). Ids are deterministic from the day, the actor (as a keyed ref: ids leave
 * ingest, emails never do), the terminal type and the model or outcome kind. A day not yet over (UTC) is refused:
 * its numbers are still growing, and a partial day recorded under the day's ids would stand forever.
 */
public final class ClaudeCodeReport implements PageMapper {
    public static final String SOURCE = "anthropic:claude-code-report";
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("id", "date"),
            Map.entry("occurredAt", "date"), Map.entry("model", "model"), Map.entry("inputTokens", "tokens.input"),
            Map.entry("outputTokens", "tokens.output"), Map.entry("cacheReadTokens", "tokens.cache_read"),
            Map.entry("cacheWrite5mTokens", "tokens.cache_creation"),
            Map.entry("reportedCostUsdMicros", "estimated_cost.amount"), Map.entry("email", "actor.email_address"),
            Map.entry("apiKeyId", "actor.api_key_name"), Map.entry("additions", "lines_of_code.added"),
            Map.entry("deletions", "lines_of_code.removed"));
    private static final ReportSource REPORT = new ReportSource(SOURCE, AnthropicUsageReport.PROVIDER);

    private final IdentifyingRefs refs;
    private final Clock clock;

    public ClaudeCodeReport(IdentifyingRefs refs, Clock clock) {
        this.refs = refs;
        this.clock = clock;
    }

    /** Who a record is about, and the keyed ref that stands for them in ids. */
    record Actor(String type, SubjectAliases subject, @Nullable String ref) {
    }

    @Override
    public MappedPage map(JsonNode page) {
        List<FieldError> violations = new ArrayList<>();
        MappedPage mapped = new MappedPage(FIELD_NAMES);
        for (JsonFields record : ProviderPage.data(page, "the Claude Code usage report", violations)) {
            Instant day = ProviderPage.dayOrTime(record, "date");
            // A day's report is still filling until the day is over (UTC, as the report's dates are).
            ProviderPage.requireClosed(record, "date", day == null ? null : day.plus(Duration.ofDays(1)), clock);
            Actor actor = actor(record);
            String terminal = record.text("terminal_type");
            ProviderAttributes attributes = new ProviderAttributes()
                    .put("anthropic.customer_type", record.text("customer_type"))
                    .put("anthropic.subscription_type", record.text("subscription_type"))
                    .put("anthropic.terminal_type", terminal)
                    .put("anthropic.organization_id", record.text("organization_id"));
            for (JsonFields model : JsonNumbers.objects(record, "model_breakdown", false, ProviderPage.MAX_ELEMENTS,
                    violations)) {
                mapped.addOrSkip(usage(model, day, actor, terminal, attributes.values()), ProviderPage.pathOf(model));
            }
            ClaudeCodeOutcomes.add(record, day, actor, terminal, mapped);
        }
        ProviderPage.refuseIfAny(violations);
        return mapped;
    }

    private Actor actor(JsonFields record) {
        JsonFields actor = record.object("actor");
        if (actor == null) {
            record.refuse("actor", "is required");
            return new Actor("", SubjectAliases.NONE, null);
        }
        String type = actor.requiredText("type");
        if ("user_actor".equals(type)) {
            String email = actor.requiredText("email_address");
            return new Actor(type, SubjectAliases.ofEmail(email), ProviderPage.ref(refs, AliasKind.EMAIL, email));
        }
        if ("api_actor".equals(type)) {
            String keyName = actor.requiredText("api_key_name");
            return new Actor(type, ProviderPage.accountAndKey(null, keyName),
                    ProviderPage.ref(refs, AliasKind.API_KEY_ID, keyName));
        }
        if (type != null) {
            actor.refuse("type", "is " + type + ": the report's actors are user_actor or api_actor");
        }
        return new Actor(String.valueOf(type), SubjectAliases.NONE, null);
    }

    private static @Nullable UsageSubmission usage(JsonFields breakdown, Instant day, Actor actor,
                                                   @Nullable String terminal, Map<String, String> attributes) {
        String model = breakdown.requiredText("model");
        JsonFields tokens = breakdown.object("tokens");
        TokenCounts counts = new TokenCounts(ProviderPage.count(tokens, "input"), ProviderPage.count(tokens, "output"),
                ProviderPage.count(tokens, "cache_read"), ProviderPage.count(tokens, "cache_creation"), 0, 0);
        Long costUsdMicros = estimatedCost(breakdown.object("estimated_cost"));
        if (counts.totalTokens() == 0 && (costUsdMicros == null || costUsdMicros == 0)) {
            return null;
        }
        String id = DeterministicIds.of(IdPrefixes.ANTHROPIC_CLAUDE_CODE, day, actor.type(), actor.ref(), terminal,
                "usage", model);
        return REPORT.usage(id, day, actor.subject(), model, counts, costUsdMicros, attributes);
    }

    /** {@code estimated_cost {amount, currency}}: amount is a number of cents ("186" is $1.86); USD only. */
    private static @Nullable Long estimatedCost(@Nullable JsonFields cost) {
        if (cost == null) {
            return null;
        }
        ProviderPage.requireUsd(cost, "currency");
        return ProviderPage.usdMicros(cost, "amount", JsonNumbers.nonNegativeDecimal(cost, "amount", false), true);
    }
}
