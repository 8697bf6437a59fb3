package dev.aispend.policy.verification;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.policy.check.CheckRederivation;
import dev.aispend.policy.decision.BudgetEvaluator;
import dev.aispend.policy.decision.DecisionKinds;
import dev.aispend.policy.decision.GamificationDecisions;
import dev.aispend.policy.decision.GamificationEvaluation;
import dev.aispend.policy.decision.GamificationEvaluator;
import dev.aispend.policy.decision.InMemoryEvaluatorState;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays ledger.v1 from position 1 into a fresh evaluator with its state in memory, and compares what it derives
 * with what the ledger recorded, as it goes: budget and gamification decisions whose trigger lies in the range,
 * checks recorded in the range (re-derived from the rules and spend at the positions they name,
 * {@link CheckRederivation}), and flag clearings recorded in the range (a reviewer's act: valid when the flag it
 * clears was recorded before it, {@link FlagClearings}).
 */
@Singleton
public class Rederivation {
    /** How often a job reports how far it read. */
    private static final long PROGRESS_EVERY_ENTRIES = 10_000;

    private final LedgerPayloadDecoder decoder;
    private final TopicNames topics;
    private final JsonMapper json;
    private final String bootstrapServers;
    private final java.util.function.LongSupplier applied;
    private final long maxRange;
    private final int maxChecks;

    Rederivation(LedgerPayloadDecoder decoder, TopicNames topics, JsonMapper json,
                 @Value("${kafka.bootstrap.servers}") String bootstrapServers, PolicyStore store,
                 VerificationConfiguration configuration) {
        // Decisions are derived by two projections: a range ends where both have sent theirs.
        this.applied = () -> Math.min(store.appliedPosition(),
                store.appliedPosition(GamificationEvaluation.NAME));
        this.maxRange = configuration.maxRange();
        this.maxChecks = configuration.maxChecks();
        this.decoder = decoder;
        this.topics = topics;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** Told how many entries were read, and the last position of the range, as the job goes. */
    public interface Progress {
        void report(long entriesRead, long toPosition);
    }

    /**
     * Two passes over the ledger. The first decodes the recorded decisions alone (every other entry's payload is
     * left undecoded) and notes what each recorded check in the range will need from the replay (a check names
     * positions before its own). The second replays the ledger into a fresh evaluator and compares as it goes
     * ({@link DecisionComparison}): a budget or gamification decision is derived at its trigger and compared when
     * the replay reaches its record; a check and a flag clearing are derived, and compared, at their own record.
     * What a job holds is what the checks still to come need and the decisions derived but not recorded yet.
     */
    public VerificationResult verify(long fromPosition, @Nullable Long toPosition, Progress progress)
            throws IOException {
        try (LedgerReader reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder)) {
            long tail = reader.tailPosition();
            // Up to what the policy and gamification projections have applied: a decision triggered there was sent
            // before its checkpoint committed, so the ledger has it or is recording it; one past it may not yet.
            long through = Math.min(Math.min(toPosition == null ? tail : toPosition,
                    Math.min(tail, applied.getAsLong())), fromPosition + maxRange - 1);
            CheckRederivation checks = new CheckRederivation(maxChecks);
            long[] read = {0};
            reader.readEnvelopesThrough(tail, envelope -> {
                if (isDecision(envelope) && decoder.decode(envelope).payload() instanceof PolicyDecisionRecorded
                        recorded && isCheck(recorded.decision())
                        && inRange(envelope.position(), fromPosition, through)) {
                    checks.need(recorded.decision(), envelope.position());
                }
                report(progress, ++read[0], through);
            });
            DecisionComparison comparison = new DecisionComparison(json);
            FlagClearings clearings = new FlagClearings();
            InMemoryEvaluatorState state = new InMemoryEvaluatorState();
            BudgetEvaluator evaluator = new BudgetEvaluator();
            GamificationEvaluator gamification = new GamificationEvaluator();
            reader.readThrough(tail, event -> {
                List<PolicyDecision> derived = new ArrayList<>(evaluator.apply(state, event));
                derived.addAll(gamification.apply(event));
                for (PolicyDecision decision : derived) {
                    if (inRange(decision.triggerPosition(), fromPosition, through)) {
                        comparison.rederived(decision);
                    }
                }
                checks.afterEntry(event, state);
                if (event.payload() instanceof PolicyDecisionRecorded recorded) {
                    compare(recorded.decision(), event.position(), fromPosition, through, checks, clearings,
                            comparison);
                }
                report(progress, ++read[0], through);
            });
            return comparison.result(fromPosition, through, read[0]);
        }
    }

    /** One recorded decision, met by the replay at its own position. */
    private static void compare(PolicyDecision decision, long position, long fromPosition, long through,
                                CheckRederivation checks, FlagClearings clearings, DecisionComparison comparison) {
        boolean inRange = inRange(position, fromPosition, through);
        // Every decision passes the clearings first: they note each flag, wherever it is.
        FlagClearings.Read clearing = clearings.read(decision, position, inRange);
        if (clearing != FlagClearings.Read.OTHER) {
            if (clearing == FlagClearings.Read.VALID) {
                comparison.rederived(decision);
            }
            comparison.recorded(decision, position);
        } else if (isDerived(decision) && inRange(decision.triggerPosition(), fromPosition, through)) {
            comparison.recorded(decision, position);
        } else if (isCheck(decision) && inRange) {
            checks.rederive(decision, position).ifPresent(comparison::rederived);
            comparison.recorded(decision, position);
        }
    }

    private static boolean isDecision(LedgerEnvelope envelope) {
        return LedgerEventType.of(envelope.eventType(), envelope.schemaVersion())
                .filter(type -> type.payloadClass() == PolicyDecisionRecorded.class).isPresent();
    }

    private static void report(Progress progress, long entriesRead, long through) {
        if (entriesRead % PROGRESS_EVERY_ENTRIES == 0) {
            progress.report(entriesRead, through);
        }
    }

    private static boolean isCheck(PolicyDecision decision) {
        return CheckRederivation.KIND.equals(decision.kind());
    }

    /** Budget and gamification decisions: derived from the ledger, so derived again and compared. */
    private static boolean isDerived(PolicyDecision decision) {
        return decision.kind().startsWith(DecisionKinds.BUDGET_PREFIX)
                || GamificationDecisions.derived(decision.kind());
    }

    private static boolean inRange(@Nullable Long position, long from, long through) {
        return position != null && position >= from && position <= through;
    }
}
