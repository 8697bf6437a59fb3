package dev.aispend.ledger.command;

import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.ledger.api.ChangePolicyCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One policy (a rate card, a budget, a phase rule...) and its versions. Optimistic concurrency: a change is
 * recorded as {@link PolicyChanged} only if it expects the version that is current (0 for a new policy); else,
 * or if its content is invalid for its kind, as {@link PolicyChangeRejected}, so two owners editing one policy
 * cannot silently overwrite each other and every attempt stays visible. Identifier {@code policy:<policyId>}.
 */
public class PolicyAggregate {
    public static final String IDENTIFIER_PREFIX = "policy:";
    /** Pure and stateless, so shared rather than injected. */
    private static final PolicyContentValidator VALIDATOR = new PolicyContentValidator();

    @AggregateIdentifier
    private String aggregateIdentifier;
    private PolicyKind kind;
    private long currentVersion;
    private Map<String, Object> content = Map.of();

    protected PolicyAggregate() {
        // For Axon, which rebuilds the aggregate from its events, or creates it for its first change request.
    }

    /** Records the change or its rejection, and returns which. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public LedgerPayload handle(ChangePolicyCommand command) {
        PolicyChangeRequest request = command.request();
        Optional<String> refusal = refusalOf(request);
        LedgerPayload recorded = refusal.isPresent()
                ? new PolicyChangeRejected(request.requestId(), request.policyId(), request.kind(),
                        request.expectedVersion(), currentVersion, request.actor(), request.content(),
                        request.effectiveFrom(), refusal.get(), request.requestedAt(), command.requestSha256())
                : new PolicyChanged(request.requestId(), request.policyId(), request.kind(), currentVersion + 1,
                        request.actor(), request.content(), ContentDiff.between(content, request.content()),
                        request.effectiveFrom(), request.requestedAt(), command.requestSha256());
        apply(recorded);
        return recorded;
    }

    private Optional<String> refusalOf(PolicyChangeRequest request) {
        if (request.expectedVersion() != currentVersion) {
            return Optional.of(PolicyChangeRejected.VERSION_CONFLICT);
        }
        if (kind != null && kind != request.kind()) {
            return Optional.of("KIND_MISMATCH: policy " + request.policyId() + " is a " + kind);
        }
        List<String> problems = VALIDATOR.problems(request.kind(), request.content());
        return problems.isEmpty() ? Optional.empty() : Optional.of("INVALID_CONTENT: " + String.join("; ", problems));
    }

    public static String identifierOf(String policyId) {
        return IDENTIFIER_PREFIX + policyId;
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        aggregateIdentifier = identifierOf(event.policyId());
        kind = event.kind();
        currentVersion = event.version();
        content = event.content();
    }

    @EventSourcingHandler
    void on(PolicyChangeRejected event) {
        aggregateIdentifier = identifierOf(event.policyId());
    }
}
