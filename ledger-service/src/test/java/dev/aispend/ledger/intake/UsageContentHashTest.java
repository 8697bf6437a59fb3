package dev.aispend.ledger.intake;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ledger.UsageMother;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageContentHashTest {
    private final UsageRecord record = UsageMother.record("req-1", "platform", 1200, 340);

    @Test
    void matches_the_documented_canonical_form_computed_independently() {
        // python3: sha256 of "usage-content/1\n" + "5:req-1\n20:2026-11-22T10:15:30Z\n3:api\n8:platform\n"
        //   + "36:prs_0123456789abcdef0123456789abcdef\n17:claude-sonnet-4-5\n" + "1200\n340\n0\n0\n0\n0\n"
        assertThat(UsageContentHash.of(record))
                .isEqualTo("374b83fb497df9819791a8733cb26531b55b459875a54d761dc44ec19b1b8207");
    }

    @Test
    void ignores_when_ingest_received_it_because_a_retry_is_received_later() {
        UsageRecord retried = UsageRecord.basic(record.usageRecordId(), record.occurredAt(),
                Instant.parse("2026-11-22T11:00:00Z"), record.source(), record.team(), record.personRef(),
                record.model(), record.tokens());

        assertThat(UsageContentHash.of(retried)).isEqualTo(UsageContentHash.of(record));
    }

    @Test
    void changes_with_any_token_count() {
        UsageRecord changed = UsageRecord.basic(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(),
                new TokenCounts(1200, 340, 0, 0, 0, 1));

        assertThat(UsageContentHash.of(changed)).isNotEqualTo(UsageContentHash.of(record));
    }

    @Test
    void cannot_be_fooled_by_moving_characters_between_fields() {
        UsageRecord shifted = UsageRecord.basic(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), "platformprs", "_0123456789abcdef0123456789abcdef", record.model(), record.tokens());
        UsageRecord original = UsageRecord.basic(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), "platform", "prs_0123456789abcdef0123456789abcdef", record.model(), record.tokens());

        assertThat(UsageContentHash.of(shifted)).isNotEqualTo(UsageContentHash.of(original));
    }

    @Test
    void hashes_the_optional_fields_as_version_2_computed_independently() {
        // python3: sha256 of "usage-content/2\n" + the version 1 lines above + "9:anthropic\n-\n6:coding\n-\n-\n4200\n"
        UsageRecord withOptionalFields = new UsageRecord(record.usageRecordId(), record.occurredAt(),
                record.receivedAt(), record.source(), record.team(), record.personRef(), record.model(),
                record.tokens(), "anthropic", null, "coding", null, null, 4200L);

        assertThat(UsageContentHash.of(withOptionalFields))
                .isEqualTo("43983dba21da79acc594ee4b08a850e3a98ee6a4708350824ff930f52cdb4514");
    }

    @Test
    void hashes_evidence_and_attributes_as_version_3_computed_independently() {
        // python3: sha256 of "usage-content/3\n" + the version 2 lines above + "EVIDENCE\n2\n"
        //   + "4:repo\n8:acme/api\n4:tier\n3:pro\n" (attributes sorted by key)
        UsageRecord evidence = new UsageRecord(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens(), "anthropic",
                null, "coding", null, null, 4200L, UsageAccounting.EVIDENCE, Map.of("tier", "pro", "repo", "acme/api"));

        assertThat(UsageContentHash.of(evidence))
                .isEqualTo("b6b9070979e22bac8f043efffca26cdfc7f29437f38774c5253fd81d1aec5cfc");
    }

    @Test
    void tells_evidence_from_spend_of_the_same_content() {
        UsageRecord spend = new UsageRecord(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens(), "anthropic",
                null, null, null, null, null, UsageAccounting.SPEND, null);
        UsageRecord evidence = new UsageRecord(record.usageRecordId(), record.occurredAt(), record.receivedAt(),
                record.source(), record.team(), record.personRef(), record.model(), record.tokens(), "anthropic",
                null, null, null, null, null, UsageAccounting.EVIDENCE, null);

        assertThat(UsageContentHash.of(evidence)).isNotEqualTo(UsageContentHash.of(spend));
        // SPEND given explicitly is the same content as SPEND left out (a version 2 record).
        assertThat(UsageContentHash.of(spend)).isEqualTo(UsageContentHash.of(new UsageRecord(record.usageRecordId(),
                record.occurredAt(), record.receivedAt(), record.source(), record.team(), record.personRef(),
                record.model(), record.tokens(), "anthropic", null, null, null, null, null)));
    }
}
