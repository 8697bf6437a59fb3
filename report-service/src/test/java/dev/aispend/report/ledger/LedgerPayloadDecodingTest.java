package dev.aispend.report.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.testsupport.ledger.TestLedger;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every contract payload, written by Jackson as the ledger writes it, decodes with Micronaut serde as the
 * followers read it: null optional fields, and fields a later schema might add (forward compatibility).
 */
class LedgerPayloadDecodingTest {
    private final LedgerPayloadDecoder decoder = new LedgerPayloadDecoder(ObjectMapper.getDefault());

    @Test
    void has_a_sample_of_every_event_type() {
        assertThat(LedgerPayloadSamples.everyType().keySet()).containsExactlyInAnyOrder(LedgerEventType.values());
    }

    @Test
    void decodes_every_event_type_with_null_optional_fields_and_an_unknown_extra_field() throws IOException {
        for (Map.Entry<LedgerEventType, LedgerPayload> sample : LedgerPayloadSamples.everyType().entrySet()) {
            LedgerEventType type = sample.getKey();
            LedgerEnvelope envelope = new TestLedger().append(type.typeName(), type.schemaVersion(),
                    withUnknownField(sample.getValue()));

            LedgerEvent event = decoder.decode(decoder.envelope(TestLedger.json(envelope)));

            assertThat(event.payload()).as(type.name()).isEqualTo(LedgerPayloadDecoder.upcast(sample.getValue()));
            assertThat(event.envelope()).isEqualTo(envelope);
        }
    }

    @Test
    void decodes_spend_with_every_optional_field_set() throws IOException {
        SpendRecorded full = LedgerPayloadSamples.fullSpend();

        LedgerEvent event = decoder.decode(new TestLedger().append(full));

        assertThat(event.payload()).isEqualTo(full);
    }

    @Test
    void upcasts_the_foundations_usage_event_to_unpriced_spend() throws IOException {
        LedgerEventType legacy = LedgerEventType.LEGACY_USAGE_RECORDED;
        LegacyUsageRecorded stored = (LegacyUsageRecorded) LedgerPayloadSamples.everyType().get(legacy);

        LedgerEvent event = decoder.decode(new TestLedger().append(legacy.typeName(), legacy.schemaVersion(),
                TestLedger.json(stored)));

        assertThat(event.payload()).isInstanceOfSatisfying(SpendRecorded.class, spend -> {
            assertThat(spend.spend().priced()).isFalse();
            assertThat(spend.spend().tokens()).isEqualTo(stored.tokens());
        });
    }

    @Test
    void decodes_an_envelope_with_a_field_added_by_a_later_schema() throws IOException {
        LedgerEnvelope envelope = new TestLedger().append(LedgerPayloadSamples.unpricedSpend());
        ObjectNode json = TestLedger.JACKSON.valueToTree(envelope);
        json.put("signature", "added later");

        assertThat(decoder.envelope(TestLedger.JACKSON.writeValueAsBytes(json))).isEqualTo(envelope);
    }

    /** Pitfall for readers of policy content: JSON numbers come back as Integer or Long, by magnitude. */
    @Test
    void decodes_numbers_in_policy_content_as_numbers_of_the_same_value() throws IOException {
        PolicyChanged changed = new PolicyChanged("request-3", "budget-platform", PolicyKind.BUDGET, 1, "owner",
                Map.of("limitUsdMicros", 5_000_000L, "hardLimitUsdMicros", 12_345_678_901_234L), List.of(),
                LedgerPayloadSamples.AT, LedgerPayloadSamples.AT, LedgerPayloadSamples.HASH);

        PolicyChanged decoded = (PolicyChanged) decoder.decode(new TestLedger().append(changed)).payload();

        assertThat(((Number) decoded.content().get("limitUsdMicros")).longValue()).isEqualTo(5_000_000L);
        assertThat(((Number) decoded.content().get("hardLimitUsdMicros")).longValue())
                .isEqualTo(12_345_678_901_234L);
    }

    @Test
    void refuses_an_event_type_or_version_it_does_not_know() {
        LedgerEnvelope newer = new TestLedger().append("SpendRecorded", 2,
                TestLedger.json(LedgerPayloadSamples.unpricedSpend()));
        LedgerEnvelope unknown = new TestLedger().append("BudgetExploded", 1, "{}".getBytes());

        assertThatThrownBy(() -> decoder.decode(newer))
                .isInstanceOf(LedgerPayloadDecoder.UnknownLedgerEventTypeException.class)
                .hasMessageContaining("SpendRecorded version 2");
        assertThatThrownBy(() -> decoder.decode(unknown))
                .isInstanceOf(LedgerPayloadDecoder.UnknownLedgerEventTypeException.class);
    }

    private static byte[] withUnknownField(LedgerPayload payload) throws IOException {
        ObjectNode json = TestLedger.JACKSON.valueToTree(payload);
        json.putObject("addedInSchemaVersion2").put("note", "readers of version 1 ignore it").putArray("list").add(1);
        return TestLedger.JACKSON.writeValueAsBytes(json);
    }
}
