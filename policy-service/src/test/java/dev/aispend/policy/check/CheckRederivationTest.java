package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.decision.BudgetEvaluator;
import dev.aispend.policy.decision.InMemoryEvaluatorState;
import dev.aispend.policy.decision.PeriodTally;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;
import dev.aispend.testsupport.ledger.SpendMother;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A recorded check is re-derived from the ledger alone (rules at its rules position, spend at the positions its
 * budgets name) plus the holds it recorded: the same decision when the record is true, another one when it lies
 * about what it read.
 */
class CheckRederivationTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Instant DAY = Instant.parse("2026-11-10T09:00:00Z");

    private final TestLedger ledger = new TestLedger();
    private final List<LedgerEvent> events = new ArrayList<>();
    private final InMemoryEvaluatorState state = new InMemoryEvaluatorState();
    private final BudgetEvaluator evaluator = new BudgetEvaluator();
    private final Map<String, PersonAttribution> people = new java.util.HashMap<>();

    @Test
    void derives_the_recorded_decision_again_and_tells_a_record_that_lies_about_its_spend() throws IOException {
        platformBudgetWith600Spent();
        append(new IdentityLinked("l-1", "als_a", "email", "prs_a", "platform", null, "directory",
                DAY.plusSeconds(61), DAY.plusSeconds(61), "b".repeat(64)));
        long rulesPosition = ledger.position();
        // The check the service made here: person only, its team from the link; spend as of position 2.
        PolicyDecision allowed = decide(rulesPosition, new CheckRequest("c-1", null, "prs_a", null, null, null, null,
                300L, null, null), 100);
        PolicyDecision denied = decide(rulesPosition, new CheckRequest("c-2", null, "prs_a", null, null, null, null,
                301L, null, null), 100);
        append(SpendMother.priced("s-2", "platform", "model-a", DAY.plusSeconds(120), 10, 200));

        List<PolicyDecision> derived = replay(readBack(allowed), readBack(denied), readBack(lying(allowed)));

        assertThat(derived).hasSize(3);
        assertThat(canonical(derived.get(0))).isEqualTo(canonical(allowed));
        assertThat(derived.get(0).result()).isEqualTo("WARN"); // 600 of 1000 spent: past the 50 % threshold
        assertThat(canonical(derived.get(1))).isEqualTo(canonical(denied));
        assertThat(derived.get(1).result()).isEqualTo("DENY");
        // The lie said 100 was spent; the ledger says 600 at that position: re-derived, it is the true decision.
        assertThat(canonical(derived.get(2))).isNotEqualTo(canonical(readBack(lying(allowed))));
        assertThat(canonical(derived.get(2))).isEqualTo(canonical(allowed));
    }

    @Test
    void refuses_to_hold_more_recorded_checks_than_its_limit() throws IOException {
        platformBudgetWith600Spent();
        long rulesPosition = ledger.position();
        PolicyDecision first = decide(rulesPosition, new CheckRequest("c-1", "platform", null, null, null, null,
                null, 10L, null, null), 0);
        PolicyDecision second = decide(rulesPosition, new CheckRequest("c-2", "platform", null, null, null, null,
                null, 10L, null, null), 0);
        CheckRederivation rederivation = new CheckRederivation(1);

        rederivation.need(readBack(first), rulesPosition + 1);

        assertThatThrownBy(() -> rederivation.need(readBack(second), rulesPosition + 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than 1 recorded checks")
                .hasMessageContaining("POLICY_VERIFICATION_MAX_CHECKS");
    }

    /** A hard-capped 1,000 budget of team platform (threshold 50 %), and 600 of spend against it. */
    private void platformBudgetWith600Spent() {
        BudgetVersion platform = hardCapped("platform", team("platform"), 1_000, 50);
        append(new PolicyChanged("r-1", "platform", PolicyKind.BUDGET, 1, "olivia",
                BudgetContent.toContent(platform.definition()), List.of(), DAY, DAY, "a".repeat(64)));
        append(SpendMother.priced("s-1", "platform", "model-a", DAY.plusSeconds(60), 10, 600));
    }

    private PolicyDecision decide(long rulesPosition, CheckRequest request, long reservedUsdMicros) {
        RulesSnapshot rules = new RulesSnapshot(rulesPosition, List.copyOf(state.budgets()), RateCardBook.empty(),
                people);
        ScopedCheck scoped = CheckScope.resolve(request, rules, DAY.plusSeconds(90), Long.MAX_VALUE);
        List<BudgetStanding> standings = scoped.budgets().stream().map(budget -> {
            PeriodTally tally = state.tally(budget.budgetId(), budget.periodKey()).orElseThrow();
            return new BudgetStanding(budget.budget(), budget.period(), tally.spentUsdMicros(),
                    tally.spentAsOfPosition(), reservedUsdMicros, 1);
        }).toList();
        CheckVerdict verdict = CheckRule.decide(standings, scoped.estimatedCostUsdMicros());
        Reservation reservation = verdict.result() == CheckResult.DENY ? null
                : new Reservation("rsv_" + request.checkId(), scoped.estimatedCostUsdMicros(),
                        DAY.plusSeconds(690));
        return CheckDecisions.decision(scoped, verdict, reservation);
    }

    @SuppressWarnings("unchecked")
    private static PolicyDecision lying(PolicyDecision decision) {
        Map<String, Object> evidence = new java.util.LinkedHashMap<>(decision.evidence());
        List<Object> budgets = new ArrayList<>();
        for (Object budget : (List<Object>) evidence.get("budgets")) {
            Map<String, Object> fields = new java.util.LinkedHashMap<>((Map<String, Object>) budget);
            fields.put("spentUsdMicros", 100L);
            budgets.add(fields);
        }
        evidence.put("budgets", budgets);
        return new PolicyDecision(decision.decisionId(), decision.kind(), decision.subject(),
                decision.policyId(), decision.policyVersion(), decision.inputs(), decision.result(),
                decision.reason(), decision.decidedAt(), null, evidence);
    }

    /** The checks as if recorded one after the other past the events, re-derived where each is recorded. */
    private List<PolicyDecision> replay(PolicyDecision... recorded) {
        CheckRederivation rederivation = new CheckRederivation(recorded.length);
        long recordedAt = ledger.position() + 1;
        for (int index = 0; index < recorded.length; index++) {
            rederivation.need(recorded[index], recordedAt + index);
        }
        InMemoryEvaluatorState fresh = new InMemoryEvaluatorState();
        for (LedgerEvent event : events) {
            evaluator.apply(fresh, event);
            rederivation.afterEntry(event, fresh);
        }
        List<PolicyDecision> derived = new ArrayList<>();
        for (int index = 0; index < recorded.length; index++) {
            rederivation.rederive(recorded[index], recordedAt + index).ifPresent(derived::add);
        }
        assertThat(rederivation.isEmpty()).as("every need met and forgotten").isTrue();
        return derived;
    }

    private void append(LedgerPayload payload) {
        LedgerEnvelope envelope = ledger.append(payload);
        LedgerEvent event = new LedgerEvent(envelope, payload);
        events.add(event);
        evaluator.apply(state, event);
        if (payload instanceof IdentityLinked link) {
            people.put(link.personRef(), new PersonAttribution(link.personRef(), link.team(), link.costCenter()));
        }
    }

    /** As the ledger gives it back: through JSON, numbers as the decoder reads them. */
    private static PolicyDecision readBack(PolicyDecision decision) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(decision), PolicyDecision.class);
    }

    private static Object canonical(PolicyDecision decision) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(decision), Argument.OBJECT_ARGUMENT).toString();
    }
}
