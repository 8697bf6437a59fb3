package dev.aispend.ledger.intake;

import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageAccounting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
}
