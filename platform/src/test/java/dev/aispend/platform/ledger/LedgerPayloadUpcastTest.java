package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import org.junit.jupiter.api.Test;

import static dev.aispend.platform.ledger.TestEvents.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerPayloadUpcastTest {

    @Test
    void reads_the_foundations_usage_event_as_unpriced_spend() {
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("u1", MONDAY, MONDAY.plusSeconds(1), "api", "team",
                "prs_x", "model", TokenCounts.of(10, 2), "d".repeat(64));

        SpendRecorded spend = (SpendRecorded) LedgerPayloadDecoder.upcast(legacy);

        assertThat(spend.recordId()).isEqualTo("u1");
        assertThat(spend.team()).isEqualTo("team");
        assertThat(spend.spend().tokens()).isEqualTo(TokenCounts.of(10, 2));
        assertThat(spend.spend().priced()).isFalse();
        assertThat(spend.spend().unpricedReason()).isEqualTo(Spend.NO_RATE_CARD);
        assertThat(spend.occurredAt()).isEqualTo(MONDAY);
    }

    @Test
    void leaves_todays_payloads_as_they_are() {
        SpendRecorded spend = TestEvents.priced("r1", "team", MONDAY, 1, 1);

        assertThat(LedgerPayloadDecoder.upcast(spend)).isSameAs(spend);
    }
}
