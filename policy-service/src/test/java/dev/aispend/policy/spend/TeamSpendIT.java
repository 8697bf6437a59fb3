package dev.aispend.policy.spend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.testsupport.ledger.SpendMother.priced;
import static dev.aispend.testsupport.ledger.SpendMother.repricing;
import static dev.aispend.testsupport.ledger.SpendMother.unpriced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * policy-service against real PostgreSQL and Kafka: entries published to its ledger topic the way the ledger
 * publishes them are folded into team spend; re-pricings correct the original team's cost, and the first price of
 * unpriced spend takes it out of the unpriced records; redeliveries count for nothing; the projection is rebuilt
 * from position 1 into identical rows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamSpendIT implements TestPropertyProvider {
    private static final Instant DAY = Instant.parse("2026-11-20T09:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final TestLedger ledger = fixture.ledger();

    @Override
    public Map<String, String> getProperties() {
        return fixture.applicationProperties();
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void reports_a_teams_records_tokens_cost_and_unpriced_records() throws IOException {
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("legacy-1", DAY, DAY, "api", "platform", "prs_a",
                "model-a", TokenCounts.of(300, 30), "e".repeat(64));
        fixture.publish(ledger.append(priced("platform-1", "platform", "model-a", DAY, 1000, 2_500)),
                ledger.append(LedgerEventType.LEGACY_USAGE_RECORDED.typeName(), 1, TestLedger.json(legacy)),
                ledger.append(priced("data-1", "data", "model-a", DAY, 5, 5)));

        JsonNode platform = awaitSpendOf("platform");

        assertThat(platform.get("records").asLong()).isEqualTo(2);
        assertThat(platform.get("inputTokens").asLong()).isEqualTo(1_300);
        assertThat(platform.get("outputTokens").asLong()).isEqualTo(31);
        assertThat(platform.get("totalTokens").asLong()).isEqualTo(1_331);
        assertThat(platform.get("costUsdMicros").asLong()).isEqualTo(2_500);
        assertThat(platform.get("unpricedRecords").asLong()).isEqualTo(1);
    }

    @Test
    void a_repricing_adjusts_the_cost_of_the_original_spends_team() throws IOException {
        SpendRecorded original = priced("finance-1", "finance", "model-a", DAY, 100, 5_000);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(unpriced("finance-2", "finance", "model-a", DAY, 10)));
        fixture.publish(ledger.append(repricing(recorded.position(), original, 3_500)));

        JsonNode finance = awaitSpendOf("finance");

        assertThat(finance.get("costUsdMicros").asLong()).isEqualTo(3_500);
        assertThat(finance.get("records").asLong()).isEqualTo(2);
        assertThat(finance.get("inputTokens").asLong()).isEqualTo(110);
    }

    @Test
    void the_first_price_of_unpriced_spend_takes_it_out_of_the_teams_unpriced_records() throws IOException {
        SpendRecorded original = unpriced("legal-1", "legal", "model-a", DAY, 100);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(unpriced("legal-2", "legal", "model-a", DAY, 10)));
        assertThat(awaitSpendOf("legal").get("unpricedRecords").asLong()).isEqualTo(2);

        // Applied in a delivery of its own: the row exists, the delivery's delta is minus one unpriced record.
        fixture.publish(ledger.append(repricing(recorded.position(), original, 700)));

        JsonNode legal = awaitSpendOf("legal");
        assertThat(legal.get("unpricedRecords").asLong()).isEqualTo(1);
        assertThat(legal.get("costUsdMicros").asLong()).isEqualTo(700);
        assertThat(legal.get("records").asLong()).isEqualTo(2);
    }

    @Test
    void a_redelivered_batch_changes_nothing() throws IOException {
        List<LedgerEnvelope> batch = List.of(ledger.append(priced("ops-1", "ops", "model-a", DAY, 10, 100)),
                ledger.append(unpriced("ops-2", "ops", "model-a", DAY, 20)));
        fixture.publish(batch);
        JsonNode before = awaitSpendOf("ops");

        fixture.publish(batch); // Kafka delivers the same entries again
        fixture.publish(ledger.append(priced("marker-1", "marker", "model-a", DAY, 1, 1)));

        JsonNode after = awaitSpendOf("ops");
        assertThat(withoutPosition(after)).isEqualTo(withoutPosition(before));
        assertThat(after.get("records").asLong()).isEqualTo(2);
    }

    @Test
    void rebuilding_the_projection_reproduces_identical_rows() throws IOException {
        SpendRecorded original = priced("rebuild-1", "rebuild", "model-a", DAY, 10, 100);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(repricing(recorded.position(), original, 40)));
        awaitSpendOf("rebuild");
        List<List<Object>> rowsBefore = teamSpendRows();

        HttpResponse<String> answer = http.toBlocking().exchange(
                HttpRequest.POST("/v1/projections/team-spend/rebuild", ""), String.class);

        assertThat(answer.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        String body = answer.body();
        assertThat(body).contains("\"projection\":\"team-spend\"");
        awaitSpendOf("rebuild");
        assertThat(teamSpendRows()).isEqualTo(rowsBefore);
    }

    @Test
    void answers_404_for_a_projection_it_does_not_have() {
        assertThatThrownBy(() -> http.toBlocking().exchange(
                HttpRequest.POST("/v1/projections/daily-spend/rebuild", ""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, notFound -> {
                    assertThat(notFound.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
                    String body = notFound.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("\"detail\":\"no projection named 'daily-spend'\"",
                            "must be one of ", "team-spend", "policy");
                });
    }

    @Test
    void shows_the_projection_in_health() throws IOException {
        JsonNode health = TestLedger.JACKSON.readTree(http.toBlocking().retrieve("/health"));

        assertThat(health.get("details").get("ledgerFollower").get("details").get(TeamSpendProjection.NAME)
                .get("status").asText()).isEqualTo("UP");
    }

    private List<List<Object>> teamSpendRows() {
        return fixture.database().query("SELECT * FROM team_spend ORDER BY team");
    }

    /** A team's spend once it reflects every entry published so far. */
    private JsonNode awaitSpendOf(String team) throws IOException {
        fixture.awaitApplied(TeamSpendProjection.NAME);
        JsonNode spend = TestLedger.JACKSON.readTree(http.toBlocking().retrieve("/v1/teams/" + team + "/spend"));
        assertThat(spend.get("asOfLedgerPosition").asLong()).isEqualTo(ledger.position());
        return spend;
    }

    private static JsonNode withoutPosition(JsonNode spend) {
        ObjectNode copy = spend.deepCopy();
        return copy.without("asOfLedgerPosition");
    }
}
