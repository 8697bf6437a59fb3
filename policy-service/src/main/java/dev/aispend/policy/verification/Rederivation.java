package dev.aispend.policy.verification;

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
 * with what the ledger recorded: budget and gamification decisions whose trigger lies in the range, checks recorded
 * in the range (re-derived from the rules and spend at the positions they name, {@link CheckRederivation}), and
 * flag clearings recorded in the range (a reviewer's act: valid when the flag it clears was recorded before it,
 * {@link FlagClearings}).
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

    Rederivation(LedgerPayloadDecoder decoder, TopicNames topics, JsonMapper json,
                 @Value("${kafka.bootstrap.servers}") String bootstrapServers, PolicyStore store,
                 VerificationConfiguration configuration) {
        // Decisions are derived by two projections: a range ends where both have sent theirs.
        this.applied = () -> Math.min(store.appliedPosition(),
                store.appliedPosition(GamificationEvaluation.NAME));
        this.maxRange = configuration.maxRange();
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
     * Two passes over the ledger: the first collects the recorded decisions (a decision is recorded after the
     * entry that triggered it, so the whole ledger is read); the second replays it into a fresh evaluator, and
     * keeps what the recorded checks need at their positions.
     */
    public VerificationResult verify(long fromPosition, @Nullable Long toPosition, Progress progress)
            throws IOException {
        try (LedgerReader reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder)) {
            long tail = reader.tailPosition();
            // Up to what the policy and gamification projections have applied: a decision triggered there was sent
            // before its checkpoint committed, so the ledger has it or is recording it; one past it may not yet.
            long through = Math.min(Math.min(toPosition == null ? tail : toPosition,
                    Math.min(tail, applied.getAsLong())), fromPosition + maxRange - 1);
            DecisionComparison comparison = new DecisionComparison(json);
            CheckRederivation checks = new CheckRederivation();
            FlagClearings clearings = new FlagClearings();
            long[] read = {0};
            reader.readThrough(tail, event -> {
                if (event.payload() instanceof PolicyDecisionRecorded recorded) {
                    PolicyDecision decision = recorded.decision();
                    // Every decision passes the clearings first: they note each flag, wherever it is.
                    if (clearings.read(decision, event.position(), inRange(event.position(), fromPosition,
                            through))) {
                        comparison.recorded(decision, event.position());
                    } else if (isDerived(decision) && inRange(decision.triggerPosition(), fromPosition, through)) {
                        comparison.recorded(decision, event.position());
                    } else if (isCheck(decision) && inRange(event.position(), fromPosition, through)) {
                        comparison.recorded(decision, event.position());
                        checks.recorded(decision);
                    }
                }
                report(progress, ++read[0], through);
            });
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
                report(progress, ++read[0], through);
            });
            checks.rederived().forEach(comparison::rederived);
            clearings.valid().forEach(comparison::rederived);
            return comparison.result(fromPosition, through, read[0]);
        }
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
