package dev.aispend.ledger;

import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.ledger.api.ChangePolicyCommand;
import dev.aispend.ledger.command.PolicyAggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Object mother for policy changes, rate cards first, in the ledger's tests. */
public final class PolicyMother {
    public static final String RATE_CARD_ID = "ratecard-anthropic";
    public static final Instant REQUESTED_AT = Instant.parse("2026-11-01T09:00:00Z");

    private PolicyMother() {
    }

    /** A rate card content: one model, $3 / $15 per million input / output tokens. */
    public static Map<String, Object> rateCard(String model, long inputPerMillion, long outputPerMillion) {
        return Map.of("provider", "anthropic", "models", List.of(Map.of(
                "model", model,
                "inputUsdMicrosPerMillionTokens", inputPerMillion,
                "outputUsdMicrosPerMillionTokens", outputPerMillion,
                "cacheReadUsdMicrosPerMillionTokens", inputPerMillion / 10,
                "cacheWrite5mUsdMicrosPerMillionTokens", inputPerMillion * 5 / 4,
                "cacheWrite1hUsdMicrosPerMillionTokens", inputPerMillion * 2)));
    }

    public static PolicyChangeRequest rateCardRequest(String requestId, long expectedVersion,
                                                      Map<String, Object> content, Instant effectiveFrom) {
        return new PolicyChangeRequest(requestId, RATE_CARD_ID, PolicyKind.RATE_CARD, expectedVersion,
                "alice@finance", content, effectiveFrom, REQUESTED_AT);
    }

    public static ChangePolicyCommand change(PolicyChangeRequest request) {
        return new ChangePolicyCommand(PolicyAggregate.identifierOf(request.policyId()), request,
                "sha256-of-" + request.requestId());
    }

    public static PolicyChanged changed(PolicyChangeRequest request, long version,
                                        List<PolicyChanged.ContentChange> diff) {
        return new PolicyChanged(request.requestId(), request.policyId(), request.kind(), version, request.actor(),
                request.content(), diff, request.effectiveFrom(), request.requestedAt(),
                "sha256-of-" + request.requestId());
    }

    public static PolicyChangeRejected rejected(PolicyChangeRequest request, long currentVersion, String reason) {
        return new PolicyChangeRejected(request.requestId(), request.policyId(), request.kind(),
                request.expectedVersion(), currentVersion, request.actor(), request.content(),
                request.effectiveFrom(), reason, request.requestedAt(), "sha256-of-" + request.requestId());
    }
}
