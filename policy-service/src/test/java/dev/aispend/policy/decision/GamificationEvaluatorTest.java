package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.UsageAccounting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.decision.GamificationDecisions.ANOMALY_FLAGGED;
import static dev.aispend.policy.decision.GamificationDecisions.BADGE_AWARDED;
import static dev.aispend.policy.decision.GamificationDecisions.PHASE_CHANGED;
import static dev.aispend.policy.decision.GamificationLedger.badge;
import static org.assertj.core.api.Assertions.assertThat;

/** The gamification evaluator, rule by rule, at its edges. Mondays: 2026-10-05, -12, -19, -26, 2026-11-02. */
class GamificationEvaluatorTest {
    private static final Instant MONDAY = Instant.parse("2026-10-05T10:00:00Z");
    private static final String TEAM = "web";

    private final GamificationLedger ledger = new GamificationLedger();

    private static Instant day(int days) {
        return MONDAY.plusSeconds(days * 86_400L);
    }

    @Test
    void awards_first_use_once_while_the_team_explores() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-first-use", badge("First use", "EXPLORATION", "FIRST_USE",
                "ALL_TIME", Map.of("BRONZE", 1)), MONDAY);

        List<PolicyDecision> first = ledger.call("alice", TEAM, "model-a", day(0), 100, 10, 0, 1_000);
        List<PolicyDecision> second = ledger.call("alice", TEAM, "model-a", day(1), 100, 10, 0, 1_000);

        assertThat(first).singleElement().satisfies(award -> {
            assertThat(award.kind()).isEqualTo(BADGE_AWARDED);
            assertThat(award.decisionId()).isEqualTo("BADGE_AWARDED:badge-first-use:alice:all:BRONZE");
            assertThat(award.subject()).isEqualTo("person:alice");
            assertThat(award.result()).isEqualTo("BRONZE");
            assertThat(award.triggerPosition()).isEqualTo(2);
            assertThat(award.evidence()).containsEntry("team", TEAM).containsEntry("phase", "EXPLORATION");
        });
        assertThat(second).isEmpty();
    }

    @Test
    void a_manual_switch_is_a_decision_and_stops_usage_badges() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-first-use", badge("First use", "EXPLORATION", "FIRST_USE",
                "ALL_TIME", Map.of("BRONZE", 1)), MONDAY);

        List<PolicyDecision> switched = ledger.policy(PolicyKind.PHASE, "phase-web",
                Map.of("team", TEAM, "phase", "OUTCOME"), MONDAY);
        List<PolicyDecision> used = ledger.call("bob", TEAM, "model-a", day(0), 100, 10, 0, 1_000);

        assertThat(switched).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(PHASE_CHANGED);
            assertThat(change.subject()).isEqualTo("phase:web");
            assertThat(change.result()).isEqualTo("OUTCOME");
            assertThat(change.evidence()).containsEntry("how", "MANUAL").containsEntry("from", "EXPLORATION");
        });
        assertThat(used).isEmpty();
        // Another version with the same phase switches nothing.
        assertThat(ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "OUTCOME"),
                MONDAY)).isEmpty();
    }

    @Test
    void switches_to_outcome_at_exactly_the_adoption_percentage_for_the_consecutive_weeks() {
        List.of("p1", "p2", "p3", "p4").forEach(person -> ledger.link(person, TEAM, MONDAY));
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "EXPLORATION",
                "automatic", Map.of("adoptionPercent", 50, "consecutiveWeeks", 2)), MONDAY);
        // Week 1 and week 2: two of four people active, exactly 50 %.
        for (int week = 0; week < 2; week++) {
            ledger.call("p1", TEAM, "model-a", day(week * 7), 100, 10, 0, 1_000);
            ledger.call("p2", TEAM, "model-a", day(week * 7 + 1), 100, 10, 0, 1_000);
        }
        assertThat(ledger.decisions(PHASE_CHANGED)).isEmpty();

        // The first entry of week 3 closes week 2: the second week in a row at 50 %.
        List<PolicyDecision> closing = ledger.call("p3", TEAM, "model-a", day(14), 100, 10, 0, 1_000);

        assertThat(closing).singleElement().satisfies(change -> {
            assertThat(change.result()).isEqualTo("OUTCOME");
            assertThat(change.evidence()).containsEntry("how", "AUTOMATIC");
            assertThat(change.decidedAt()).isEqualTo(Instant.parse("2026-10-19T00:00:00Z"));
            assertThat((List<?>) change.evidence().get("weeks")).hasSize(2);
        });
        assertThat(ledger.evaluator().phases().phaseOf(TEAM).name()).isEqualTo("OUTCOME");
    }

    @Test
    void one_person_short_of_the_percentage_breaks_the_run_of_weeks() {
        List.of("p1", "p2", "p3", "p4").forEach(person -> ledger.link(person, TEAM, MONDAY));
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "EXPLORATION",
                "automatic", Map.of("adoptionPercent", 50, "consecutiveWeeks", 2)), MONDAY);
        ledger.call("p1", TEAM, "model-a", day(0), 100, 10, 0, 1_000);
        ledger.call("p2", TEAM, "model-a", day(1), 100, 10, 0, 1_000);
        ledger.call("p1", TEAM, "model-a", day(7), 100, 10, 0, 1_000);
        ledger.call("p1", TEAM, "model-a", day(14), 100, 10, 0, 1_000);

        assertThat(ledger.decisions(PHASE_CHANGED)).isEmpty();
    }

    @Test
    void after_a_switch_mid_month_outcome_badges_appear_and_usage_badges_stop() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-model-explorer", badge("Model explorer", "EXPLORATION",
                "DISTINCT_MODELS", "MONTH", Map.of("BRONZE", 2, "SILVER", 3)), MONDAY);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-merges", badge("AI-assisted merges", "OUTCOME",
                "MERGED_AI_PRS", "MONTH", Map.of("BRONZE", 2)), MONDAY);
        ledger.call("carol", TEAM, "model-a", day(0), 100, 10, 0, 1_000);
        ledger.call("carol", TEAM, "model-b", day(1), 100, 10, 0, 1_000);
        ledger.merged("carol", TEAM, day(1), true);
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "OUTCOME"), day(2));
        long switchedAt = ledger.position();

        ledger.call("carol", TEAM, "model-c", day(3), 100, 10, 0, 1_000);
        ledger.merged("carol", TEAM, day(3), true);

        List<PolicyDecision> awards = ledger.decisions(BADGE_AWARDED);
        assertThat(awards).extracting(PolicyDecision::decisionId).containsExactly(
                "BADGE_AWARDED:badge-model-explorer:carol:2026-10:BRONZE",
                "BADGE_AWARDED:badge-merges:carol:2026-10:BRONZE");
        assertThat(awards.get(0).triggerPosition()).isLessThan(switchedAt);
        assertThat(awards.get(1).triggerPosition()).isGreaterThan(switchedAt);
    }

    @Test
    void awards_cost_per_merged_pr_below_the_team_median_when_the_month_closes() {
        ledger.policy(PolicyKind.PHASE, "phase-org", Map.of("phase", "OUTCOME"), MONDAY);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-cost-per-pr", GamificationLedger.with(badge("Cost per PR",
                "OUTCOME", "COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT", "MONTH",
                Map.of("BRONZE", 0, "SILVER", 25, "GOLD", 50)), "minimumMergedPrs", 2), MONDAY);
        // Cost per merged PR: cheap 100, middle 200, dear 400 (two PRs each); the median is 200.
        Map<String, Long> costs = Map.of("cheap", 200L, "middle", 400L, "dear", 800L);
        costs.forEach((person, cost) -> {
            ledger.call(person, TEAM, "model-a", day(1), 100, 10, 0, cost);
            ledger.merged(person, TEAM, day(2), false);
            ledger.merged(person, TEAM, day(3), false);
        });
        assertThat(ledger.decisions(BADGE_AWARDED)).isEmpty();

        // Within the hour of grace October is still open; past it, it closes.
        assertThat(ledger.call("middle", TEAM, "model-a", Instant.parse("2026-11-01T00:30:00Z"), 100, 10, 0, 1))
                .isEmpty();
        List<PolicyDecision> closing = ledger.call("middle", TEAM, "model-a", Instant.parse(
                "2026-11-01T01:00:01Z"), 100, 10, 0, 1);

        assertThat(closing).extracting(PolicyDecision::decisionId).containsExactly(
                "BADGE_AWARDED:badge-cost-per-pr:cheap:2026-10:BRONZE",
                "BADGE_AWARDED:badge-cost-per-pr:cheap:2026-10:SILVER",
                "BADGE_AWARDED:badge-cost-per-pr:cheap:2026-10:GOLD");
        assertThat(closing.get(0).evidence()).containsEntry("value", 50L);
    }

    @Test
    void a_new_version_of_the_organization_policy_switches_only_what_changed() {
        ledger.link("p1", TEAM, MONDAY);
        assertThat(ledger.policy(PolicyKind.PHASE, "phase-org", Map.of("phase", "OUTCOME"), MONDAY))
                .singleElement().satisfies(change -> assertThat(change.subject()).isEqualTo("phase:org"));
        // Only the time zone changes: nothing switches.
        assertThat(ledger.policy(PolicyKind.PHASE, "phase-org", Map.of("phase", "OUTCOME", "timeZone",
                "Europe/Berlin"), MONDAY)).isEmpty();

        List<PolicyDecision> back = ledger.policy(PolicyKind.PHASE, "phase-org", Map.of("phase", "EXPLORATION"),
                MONDAY);

        assertThat(back).singleElement().satisfies(change -> {
            assertThat(change.result()).isEqualTo("EXPLORATION");
            assertThat(change.evidence()).containsEntry("from", "OUTCOME")
                    .containsEntry("teamsSwitched", Map.of(TEAM, "OUTCOME"))
                    .containsEntry("teamsFollowing", List.of(TEAM));
        });
        assertThat(ledger.evaluator().phases().phaseOf(TEAM).name()).isEqualTo("EXPLORATION");
    }

    @Test
    void a_late_entry_counts_nowhere_and_awards_nothing() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-model-explorer", badge("Model explorer", "EXPLORATION",
                "DISTINCT_MODELS", "ISO_WEEK", Map.of("BRONZE", 2)), MONDAY);
        ledger.call("ana", TEAM, "model-a", day(1), 100, 10, 0, 1_000);
        ledger.call("ben", TEAM, "model-a", Instant.parse("2026-10-11T23:00:00Z"), 100, 10, 0, 1_000);
        ledger.call("ben", TEAM, "model-a", Instant.parse("2026-10-12T00:30:00Z"), 100, 10, 0, 1_000);
        // A call of Sunday 23:50 recorded after one of Monday 00:30 is within the hour of grace: it still counts.
        ledger.call("ben", TEAM, "model-b", Instant.parse("2026-10-11T23:50:00Z"), 100, 10, 0, 1_000);
        ledger.call("ben", TEAM, "model-a", day(7), 100, 10, 0, 1_000);

        List<PolicyDecision> late = ledger.call("ana", TEAM, "model-b", day(2), 100, 10, 0, 1_000);

        assertThat(late).isEmpty();
        assertThat(ledger.decisions(BADGE_AWARDED)).extracting(PolicyDecision::decisionId)
                .containsExactly("BADGE_AWARDED:badge-model-explorer:ben:2026-W41:BRONZE");
    }

    @Test
    void regular_weekly_use_counts_weeks_in_a_row_and_a_gap_starts_again() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-weekly", badge("Regular weekly use", "EXPLORATION",
                "ACTIVE_WEEKS_STREAK", "ALL_TIME", Map.of("BRONZE", 3)), MONDAY);
        ledger.call("steady", TEAM, "model-a", day(0), 100, 10, 0, 1);
        ledger.call("gappy", TEAM, "model-a", day(0), 100, 10, 0, 1);
        ledger.call("steady", TEAM, "model-a", day(8), 100, 10, 0, 1);
        // Gappy skips the second week: the third is the first of a new run.
        ledger.call("gappy", TEAM, "model-a", day(15), 100, 10, 0, 1);
        assertThat(ledger.decisions(BADGE_AWARDED)).isEmpty();

        List<PolicyDecision> third = ledger.call("steady", TEAM, "model-a", day(16), 100, 10, 0, 1);

        assertThat(third).extracting(PolicyDecision::decisionId)
                .containsExactly("BADGE_AWARDED:badge-weekly:steady:all:BRONZE");
        assertThat(ledger.call("gappy", TEAM, "model-a", day(22), 100, 10, 0, 1)).isEmpty();
        assertThat(ledger.call("gappy", TEAM, "model-a", day(29), 100, 10, 0, 1)).extracting(
                PolicyDecision::decisionId).containsExactly("BADGE_AWARDED:badge-weekly:gappy:all:BRONZE");
    }

    @Test
    void cache_wise_from_exactly_the_share_and_only_with_enough_input() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-cache", GamificationLedger.with(badge("Cache-wise",
                "EXPLORATION", "CACHE_READ_SHARE_PERCENT", "ISO_WEEK", Map.of("BRONZE", 30, "SILVER", 50)),
                "minimumInputTokens", 1_000), MONDAY);
        ledger.call("exact", TEAM, "model-a", day(1), 700, 10, 300, 1);     // 300 of 1,000: 30 %
        ledger.call("under", TEAM, "model-a", day(1), 701, 10, 299, 1);     // 29.9 %: 29
        ledger.call("small", TEAM, "model-a", day(1), 100, 10, 899, 1);     // 999 tokens: too few

        List<PolicyDecision> closing = ledger.call("exact", TEAM, "model-a", day(7), 100, 10, 0, 1);

        assertThat(closing).extracting(PolicyDecision::decisionId)
                .containsExactly("BADGE_AWARDED:badge-cache:exact:2026-W41:BRONZE");
    }

    @Test
    void flags_tokens_per_merged_pr_only_above_the_multiple_of_the_team_median() {
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-tokens-per-pr", Map.of("name", "Tokens per PR",
                "rule", "TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN", "multiplePercent", 500), MONDAY);
        // Tokens per merged PR: 1,000 for three people, exactly five times that, and one token more.
        for (String person : List.of("a", "b", "c")) {
            ledger.call(person, TEAM, "model-a", day(1), 900, 100, 0, 1);
            ledger.merged(person, TEAM, day(2), false);
        }
        ledger.call("at-five-times", TEAM, "model-a", day(1), 4_900, 100, 0, 1);
        ledger.merged("at-five-times", TEAM, day(2), false);
        ledger.call("above", TEAM, "model-a", day(1), 4_901, 100, 0, 1);
        ledger.merged("above", TEAM, day(2), false);

        List<PolicyDecision> closing = ledger.call("a", TEAM, "model-a", day(7), 100, 10, 0, 1);

        assertThat(closing).extracting(PolicyDecision::subject).containsExactly("person:above");
    }

    @Test
    void flags_spend_without_outcomes_from_exactly_the_minimum() {
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-spend", Map.of("name", "Spend without outcomes",
                "rule", "SPEND_WITHOUT_OUTCOMES", "minimumSpendUsdMicros", 1_000_000), MONDAY);
        ledger.call("dave", TEAM, "model-a", day(1), 100, 10, 0, 1_000_000);
        ledger.call("erin", TEAM, "model-a", day(1), 100, 10, 0, 999_999);
        ledger.call("frank", TEAM, "model-a", day(1), 100, 10, 0, 2_000_000);
        ledger.merged("frank", TEAM, day(2), false);

        List<PolicyDecision> closing = ledger.call("erin", TEAM, "model-a", day(7), 100, 10, 0, 1);

        assertThat(closing).singleElement().satisfies(flag -> {
            assertThat(flag.decisionId()).isEqualTo("ANOMALY_FLAGGED:anomaly-spend:dave:2026-W41");
            assertThat(flag.evidence()).containsEntry("flaggedSpendUsdMicros", 1_000_000L);
        });
    }

    @Test
    void flags_agents_looping_overnight_on_enough_nights() {
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-overnight", Map.of("name", "Overnight loops",
                "rule", "OVERNIGHT_IDLE_LOOP", "minimumOffHoursCalls", 6, "minimumOffHoursHours", 3,
                "minimumNights", 2), MONDAY);
        for (int night = 0; night < 2; night++) {
            for (int hour : new int[] {23, 25, 27}) { // 23:00, then 01:00 and 03:00 the next day
                for (int call = 0; call < 2; call++) {
                    Instant at = Instant.parse("2026-10-05T00:00:00Z").plusSeconds((night * 24L + hour) * 3600
                            + call * 60L);
                    ledger.call("looper", TEAM, "model-a", at, 100, 10, 0, 1_000);
                    if (night == 0) {
                        ledger.call("owl", TEAM, "model-a", at, 100, 10, 0, 1_000);
                    }
                }
            }
        }

        List<PolicyDecision> closing = ledger.call("owl", TEAM, "model-a", day(7), 100, 10, 0, 1);

        assertThat(closing).singleElement().satisfies(flag -> {
            assertThat(flag.subject()).isEqualTo("person:looper");
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) flag.evidence().get("figures");
            assertThat(figures).containsEntry("nights",
                    List.of("2026-10-05", "2026-10-06"));
        });
    }

    @Test
    void flags_prompts_far_above_the_team_norm() {
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-inflation", Map.of("name", "Prompt inflation",
                "rule", "PROMPT_INFLATION", "multiplePercent", 400, "minimumCalls", 2), MONDAY);
        for (String person : List.of("a", "b", "c", "inflater")) {
            long prompt = person.equals("inflater") ? 50_000 : 4_000;
            ledger.call(person, TEAM, "model-a", day(1), prompt, 1_000, 0, 1_000);
            ledger.call(person, TEAM, "model-a", day(2), prompt, 1_000, 0, 1_000);
        }

        List<PolicyDecision> closing = ledger.call("a", TEAM, "model-a", day(7), 100, 10, 0, 1);

        assertThat(closing).extracting(PolicyDecision::subject).containsExactly("person:inflater");
    }

    @Test
    void evidence_only_outcomes_and_decisions_read_back_are_not_inputs() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-merges", badge("AI-assisted merges", "OUTCOME",
                "MERGED_AI_PRS", "MONTH", Map.of("BRONZE", 1)), MONDAY);
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", TEAM, "phase", "OUTCOME"), MONDAY);
        ledger.merged("gina", TEAM, day(1), true, UsageAccounting.EVIDENCE);
        PolicyDecision foreign = new PolicyDecision("BADGE_AWARDED:x", BADGE_AWARDED, "person:gina", "badge-merges",
                1, List.of(), "GOLD", "not derived here", day(1), 1L, Map.of());
        ledger.append(PolicyDecisionRecorded.of(foreign, "e".repeat(64)));

        assertThat(ledger.decisions(BADGE_AWARDED)).isEmpty();
        assertThat(ledger.merged("gina", TEAM, day(2), true)).hasSize(1);
    }

    @Test
    void evaluating_the_same_ledger_again_gives_the_same_decisions() {
        switches_to_outcome_at_exactly_the_adoption_percentage_for_the_consecutive_weeks();
        GamificationEvaluator again = new GamificationEvaluator();

        List<PolicyDecision> rederived = ledger.events().stream().flatMap(event -> again.apply(event).stream())
                .toList();

        assertThat(rederived).isEqualTo(ledger.decisions()).isNotEmpty();
        assertThat(ledger.decisions(ANOMALY_FLAGGED)).isEmpty();
    }
}
