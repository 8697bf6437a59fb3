package dev.aispend.ledger.intake;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.UsageAccounting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    private static OutcomeRecord outcome(Long count, UsageAccounting accounting) {
        return new OutcomeRecord("pr-1", "commit", AT, AT.plusSeconds(5), "github", "prs_a", "platform", null,
                "acme/api", 42L, 120L, 30L, List.of("ai-assisted"),
                new OutcomeRecord.AiAssistance(List.of("s-1"), List.of()), count, accounting);
    }

    @Test
    void hashes_an_outcome_without_the_fields_added_later_as_version_1_computed_independently() {
        // python3: sha256 of "outcome-content/1\n" + json.dumps(record, sort_keys=True, separators=(",", ":"))
        //   for the record above without receivedAt, count and accounting (costCenter stays, as null).
        assertThat(ContentHash.of(LedgerIntake.OUTCOME, outcome(null, null)))
                .isEqualTo("df8c2551c55972ac5894b9a47a9048bf53bdeef347885c29ca29a56a7c6c681e");
    }

    @Test
    void tells_an_evidence_outcome_from_a_counted_one() {
        String evidence = ContentHash.of(LedgerIntake.OUTCOME, outcome(null, UsageAccounting.EVIDENCE));

        assertThat(evidence).isNotEqualTo(ContentHash.of(LedgerIntake.OUTCOME, outcome(null, null)));
        assertThat(evidence).isNotEqualTo(ContentHash.of(LedgerIntake.OUTCOME, outcome(null, UsageAccounting.SPEND)));
    }

    @Test
    void tells_a_counted_outcome_from_a_single_one() {
        assertThat(ContentHash.of(LedgerIntake.OUTCOME, outcome(3L, null)))
                .isNotEqualTo(ContentHash.of(LedgerIntake.OUTCOME, outcome(null, null)));
    }

    private static PolicyDecision decision(Long triggerPosition, Map<String, Object> evidence) {
        return new PolicyDecision("budget-threshold:budget-platform:v3:2026-11:80@1234", "BUDGET_THRESHOLD_CROSSED",
                "budget:budget-platform/2026-11", "budget-platform", 3,
                List.of(new PolicyDecision.DecisionInput(1234, "spend", 5_000_000),
                        new PolicyDecision.DecisionInput(17, "budget:amount", 100_000_000)),
                "CROSSED", "80% of the monthly budget", AT, triggerPosition, evidence);
    }

    @Test
    void hashes_a_decision_without_trigger_position_and_evidence_exactly_as_before_they_existed() {
        // Computed twice, independently: by ContentHash and PolicyDecision as of commit 4f9ee8b~1 (before the two
        // fields existed), and in python3 as sha256 of "decision-content/1\n" + json.dumps(record,
        // sort_keys=True, separators=(",", ":")) for the nine fields of the record above.
        String beforeTheFieldsExisted = "e02bed150efd328b4e4a635b1298e3cf8dacccd5e34680bec6fcaeb86244aebf";
        PolicyDecision nineArguments = new PolicyDecision(decision(null, null).decisionId(), "BUDGET_THRESHOLD_CROSSED",
                "budget:budget-platform/2026-11", "budget-platform", 3, decision(null, null).inputs(), "CROSSED",
                "80% of the monthly budget", AT);

        assertThat(ContentHash.of(LedgerIntake.DECISION, decision(null, null))).isEqualTo(beforeTheFieldsExisted);
        assertThat(ContentHash.of(LedgerIntake.DECISION, nineArguments)).isEqualTo(beforeTheFieldsExisted);
    }

    @Test
    void tells_a_decision_with_a_trigger_position_or_evidence_from_one_without() {
        String without = ContentHash.of(LedgerIntake.DECISION, decision(null, null));
        String triggered = ContentHash.of(LedgerIntake.DECISION, decision(1234L, null));
        String withEvidence = ContentHash.of(LedgerIntake.DECISION, decision(1234L, Map.of("periodKey", "2026-11")));

        assertThat(List.of(without, triggered, withEvidence)).doesNotHaveDuplicates();
        assertThat(ContentHash.of(LedgerIntake.DECISION, decision(1235L, null))).isNotEqualTo(triggered);
    }

    @Test
    void hashes_evidence_by_its_content_whatever_the_order_of_keys_or_the_java_type_of_its_numbers() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("spentUsdMicros", 80_000_000L);
        ordered.put("periodKey", "2026-11");
        ordered.put("nested", Map.of("b", 2, "a", List.of(1, 2)));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("nested", Map.of("a", List.of(1L, 2L), "b", 2L));
        reversed.put("periodKey", "2026-11");
        reversed.put("spentUsdMicros", 80_000_000);

        assertThat(ContentHash.of(LedgerIntake.DECISION, decision(1234L, ordered)))
                .isEqualTo(ContentHash.of(LedgerIntake.DECISION, decision(1234L, reversed)));
    }
}
