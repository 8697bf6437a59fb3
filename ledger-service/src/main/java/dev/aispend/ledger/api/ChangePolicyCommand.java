package dev.aispend.ledger.api;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a policy if it is still at the version the request expects; {@code requestSha256} identifies the
 * request's content (see ContentHash).
 */
public record ChangePolicyCommand(
        @TargetAggregateIdentifier String aggregateIdentifier,
        PolicyChangeRequest request,
        String requestSha256) {
}
