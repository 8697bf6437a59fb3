package dev.aispend.report.ledger;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PersonReidentified;
import dev.aispend.contracts.ledger.ReplayRequested;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.ledger.UsageEvidenceRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One payload of every ledger event type, every optional field left null (or empty), as the ledger may write it. */
public final class LedgerPayloadSamples {
    public static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");
    public static final String HASH = "ab".repeat(32);
    public static final TokenCounts TOKENS = new TokenCounts(1200, 340, 4000, 5, 6, 7);

    private LedgerPayloadSamples() {
    }

    public static Map<LedgerEventType, LedgerPayload> everyType() {
        Map<LedgerEventType, LedgerPayload> samples = new EnumMap<>(LedgerEventType.class);
        samples.put(LedgerEventType.SPEND_RECORDED, unpricedSpend());
        samples.put(LedgerEventType.OUTCOME_RECORDED, new OutcomeRecorded("outcome-1", "pull_request_merged",
                "prs_a", "platform", null, null, null, null, null, List.of(), OutcomeRecord.AiAssistance.NONE, "github",
                AT, AT, HASH, null, null));
        samples.put(LedgerEventType.POLICY_CHANGED, new PolicyChanged("request-1", "budget-platform",
                PolicyKind.BUDGET, 2, "owner@policy", Map.<String, Object>of("team", "platform", "enforce", true),
                List.of(new PolicyChanged.ContentChange("enforce", null, true)), AT, AT, HASH));
        samples.put(LedgerEventType.POLICY_CHANGE_REJECTED, new PolicyChangeRejected("request-2", "budget-platform",
                PolicyKind.BUDGET, 1, 2, "owner@policy", Map.<String, Object>of("team", "platform"), AT,
                PolicyChangeRejected.VERSION_CONFLICT, AT, HASH));
        samples.put(LedgerEventType.POLICY_DECISION_RECORDED, new PolicyDecisionRecorded("decision-1",
                "budget_threshold", "team:platform", "budget-platform", 2,
                List.of(new PolicyDecision.DecisionInput(41, "costUsdMicros", 1_500_000)), "WARN", "80% used", AT,
                HASH));
        samples.put(LedgerEventType.IDENTITY_LINKED, new IdentityLinked("link-1", "als_x", "email", "prs_a",
                "platform", null, "directory", AT, AT, HASH));
        SpendRecorded original = unpricedSpend();
        samples.put(LedgerEventType.SPEND_REPRICED, new SpendRepriced("repricing-1", 7, original.recordId(),
                original.personRef(), original.team(), original.model(), original.spend(),
                Spend.priced(TOKENS, 9_876, new RateCardRef("rate-card", 3)), "finance", "late rate card",
                original.occurredAt(), AT.plusSeconds(3600)));
        samples.put(LedgerEventType.USAGE_CONFLICT_FLAGGED, conflict());
        samples.put(LedgerEventType.USAGE_EVIDENCE_RECORDED, new UsageEvidenceRecorded(fullSpend()));
        samples.put(LedgerEventType.PERSON_REIDENTIFIED, new PersonReidentified("rid-1", "prs_a", "carl",
                "subpoena 2026-17", List.of("person", "email"), AT, HASH));
        samples.put(LedgerEventType.REPLAY_REQUESTED, new ReplayRequested("replay-1", "carl", 1, 12,
                "aispend.ledger-replay.v1", "quarterly audit", AT));
        samples.put(LedgerEventType.LEGACY_USAGE_RECORDED, new LegacyUsageRecorded("usage-1", AT, AT, "api",
                "platform", "prs_a", "claude-sonnet-4-5", TOKENS, HASH));
        samples.put(LedgerEventType.LEGACY_USAGE_CONFLICT_FLAGGED, conflict());
        return samples;
    }

    /** Spend with every optional field null: no cost center, provider, reported cost, purpose, session, request. */
    public static SpendRecorded unpricedSpend() {
        return new SpendRecorded("usage-1", "prs_a", "platform", null, null, "claude-sonnet-4-5",
                Spend.unpriced(TOKENS, Spend.NO_RATE_CARD), null, null, "api", null, null, AT, AT, HASH, null);
    }

    /** Spend with every optional field set. */
    public static SpendRecorded fullSpend() {
        return new SpendRecorded("usage-2", "prs_a", "platform", "cc-42", "anthropic", "claude-opus-4-1",
                Spend.priced(TOKENS, 123_456, new RateCardRef("rate-card", 3)), 120_000L, "code-review", "otel",
                "session-9", "request-9", AT, AT.plusMillis(5), HASH, Map.of("repository", "acme/api"));
    }

    private static UsageConflictFlagged conflict() {
        return new UsageConflictFlagged("usage-1", HASH, "cd".repeat(32), AT, AT, "api", "platform", "prs_a",
                "claude-sonnet-4-5", TOKENS);
    }
}
