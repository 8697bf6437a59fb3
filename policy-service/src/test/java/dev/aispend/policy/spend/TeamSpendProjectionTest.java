package dev.aispend.policy.spend;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.testsupport.ledger.TestLedger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.aispend.testsupport.ledger.SpendMother.priced;
import static dev.aispend.testsupport.ledger.SpendMother.repricing;
import static dev.aispend.testsupport.ledger.SpendMother.unpriced;
import static org.assertj.core.api.Assertions.assertThat;

/** What the projection writes for a delivery: one delta per team, re-pricings on the original spend's team. */
class TeamSpendProjectionTest {
    private static final Instant DAY = Instant.parse("2026-11-20T09:00:00Z");

    private final List<TeamSpend> added = new ArrayList<>();
    private final TeamSpendProjection projection = new TeamSpendProjection(new RecordingRepository());
    private final TestLedger ledger = new TestLedger();

    @Test
    void writes_one_delta_per_team_with_cost_and_unpriced_records() {
        SpendRecorded original = priced("r1", "platform", "model-a", DAY, 100, 5_000);

        projection.apply(null, List.of(event(original), event(unpriced("r2", "platform", "model-a", DAY, 10)),
                event(priced("r3", "data", "model-a", DAY, 1, 7)), event(repricing(1, original, 4_000))));

        assertThat(added).containsExactly(
                new TeamSpend("platform", 2, 110, 2, 0, 0, 0, 0, 4_000, 1, 4),
                new TeamSpend("data", 1, 1, 1, 0, 0, 0, 0, 7, 0, 3));
    }

    @Test
    void writes_only_the_cost_delta_for_a_delivery_holding_nothing_but_a_repricing() {
        SpendRecorded original = priced("r1", "finance", "model-a", DAY, 100, 5_000);
        event(original); // recorded at position 1 and applied in an earlier delivery

        projection.apply(null, List.of(event(repricing(1, original, 6_000))));

        assertThat(added).containsExactly(new TeamSpend("finance", 0, 0, 0, 0, 0, 0, 0, 1_000, 0, 2));
    }

    @Test
    void writes_one_unpriced_record_less_for_the_first_price_of_spend_recorded_unpriced() {
        SpendRecorded original = unpriced("r1", "legal", "model-a", DAY, 100);
        event(original); // recorded at position 1 and applied in an earlier delivery

        projection.apply(null, List.of(event(repricing(1, original, 700))));

        assertThat(added).containsExactly(new TeamSpend("legal", 0, 0, 0, 0, 0, 0, 0, 700, -1, 2));
    }

    private LedgerEvent event(LedgerPayload payload) {
        LedgerEnvelope envelope = ledger.append(payload);
        return new LedgerEvent(envelope, payload);
    }

    private final class RecordingRepository implements TeamSpendRepository {
        @Override
        public Optional<TeamSpend> findById(String team) {
            return Optional.empty();
        }

        @Override
        public void add(String team, long records, long inputTokens, long outputTokens, long cacheReadTokens,
                        long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens, long costUsdMicros,
                        long unpricedRecords, long lastLedgerPosition) {
            added.add(new TeamSpend(team, records, inputTokens, outputTokens, cacheReadTokens, cacheWrite5mTokens,
                    cacheWrite1hTokens, reasoningTokens, costUsdMicros, unpricedRecords, lastLedgerPosition));
        }
    }
}
