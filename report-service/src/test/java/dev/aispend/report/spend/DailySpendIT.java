package dev.aispend.report.spend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.report.ledger.AppliedPositionsProjection;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
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
 * report-service against real PostgreSQL and Kafka: entries published to its ledger topic the way the ledger
 * publishes them are folded into daily spend, re-pricings correct the day they belong to (the first price of
 * unpriced spend takes it out of that day's unpriced records), redeliveries count for nothing, and one projection
 * is rebuilt from position 1 while the other keeps its place.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailySpendIT implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    AppliedPositionsProjection appliedPositions;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("report");
    private final TestLedger ledger = fixture.ledger();
    private final ProjectionDatabase database = fixture.database();

    @Override
    public Map<String, String> getProperties() {
        return fixture.applicationProperties();
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void reports_tokens_cost_and_unpriced_records_per_day_team_and_model() throws IOException {
        Instant day = Instant.parse("2026-09-01T10:00:00Z");
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("legacy-1", day, day, "api", "platform", "prs_a",
                "model-a", TokenCounts.of(300, 30), "e".repeat(64));
        fixture.publish(ledger.append(priced("priced-1", "platform", "model-a", day, 1000, 2_500)),
                ledger.append(unpriced("unpriced-1", "platform", "model-a", day, 200)),
                ledger.append(LedgerEventType.LEGACY_USAGE_RECORDED.typeName(), 1, TestLedger.json(legacy)),
                ledger.append(new UsageConflictFlagged("priced-1", "a".repeat(64), "b".repeat(64), day, day, "api",
                        "platform", "prs_a", "model-a", TokenCounts.of(99_999, 0))),
                ledger.append(priced("priced-2", "research", "model-b", day, 50, 700)));

        JsonNode report = awaitReport("2026-09-01", "2026-09-01");

        assertThat(report.get("rows")).hasSize(2);
        JsonNode platform = report.get("rows").get(0);
        assertThat(platform.get("team").asText()).isEqualTo("platform");
        assertThat(platform.get("records").asLong()).isEqualTo(3);
        assertThat(platform.get("inputTokens").asLong()).isEqualTo(1_500);
        assertThat(platform.get("costUsdMicros").asLong()).isEqualTo(2_500);
        assertThat(platform.get("unpricedRecords").asLong()).isEqualTo(2);
        assertThat(report.get("totals").get("records").asLong()).isEqualTo(4);
        assertThat(report.get("totals").get("costUsdMicros").asLong()).isEqualTo(3_200);
        assertThat(report.get("totals").get("unpricedRecords").asLong()).isEqualTo(2);
    }

    @Test
    void a_repricing_adjusts_the_cost_of_the_original_day() throws IOException {
        Instant octoberFifth = Instant.parse("2026-10-05T23:30:00Z");
        SpendRecorded original = priced("october-1", "finance", "model-a", octoberFifth, 100, 5_000);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(priced("october-2", "finance", "model-a",
                Instant.parse("2026-10-06T08:00:00Z"), 10, 1_000)));
        fixture.publish(ledger.append(repricing(recorded.position(), original, 3_500)));

        JsonNode report = awaitReport("2026-10-01", "2026-10-31");

        assertThat(report.get("rows")).hasSize(2); // nothing on the day the re-pricing was requested
        JsonNode fifth = report.get("rows").get(0);
        assertThat(fifth.get("day").asText()).isEqualTo("2026-10-05");
        assertThat(fifth.get("costUsdMicros").asLong()).isEqualTo(3_500);
        assertThat(fifth.get("records").asLong()).isEqualTo(1);
        assertThat(fifth.get("inputTokens").asLong()).isEqualTo(100);
        assertThat(report.get("rows").get(1).get("costUsdMicros").asLong()).isEqualTo(1_000);
        assertThat(report.get("totals").get("costUsdMicros").asLong()).isEqualTo(4_500);
    }

    @Test
    void the_first_price_of_unpriced_spend_takes_it_out_of_its_days_unpriced_records() throws IOException {
        Instant day = Instant.parse("2026-06-01T12:00:00Z");
        SpendRecorded original = unpriced("june-1", "legal", "model-a", day, 100);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(unpriced("june-2", "legal", "model-a", day, 10)));
        assertThat(awaitReport("2026-06-01", "2026-06-01").get("totals").get("unpricedRecords").asLong())
                .isEqualTo(2);

        // Applied in a delivery of its own: the row exists, the delivery's delta is minus one unpriced record.
        fixture.publish(ledger.append(repricing(recorded.position(), original, 700)));

        JsonNode report = awaitReport("2026-06-01", "2026-06-01");
        JsonNode june = report.get("rows").get(0);
        assertThat(june.get("unpricedRecords").asLong()).isEqualTo(1);
        assertThat(june.get("costUsdMicros").asLong()).isEqualTo(700);
        assertThat(june.get("records").asLong()).isEqualTo(2);
        assertThat(report.get("totals").get("unpricedRecords").asLong()).isEqualTo(1);
    }

    @Test
    void a_redelivered_batch_changes_nothing() throws IOException {
        Instant day = Instant.parse("2026-08-01T12:00:00Z");
        List<LedgerEnvelope> batch = List.of(ledger.append(priced("august-1", "platform", "model-a", day, 10, 100)),
                ledger.append(priced("august-2", "platform", "model-a", day, 20, 200)),
                ledger.append(unpriced("august-3", "platform", "model-a", day, 30)));
        fixture.publish(batch);
        JsonNode before = awaitReport("2026-08-01", "2026-08-01").get("rows");

        fixture.publish(batch); // Kafka delivers the same entries again
        fixture.publish(ledger.append(priced("august-4", "platform", "model-a", day.plusSeconds(86_400), 40, 400)));

        JsonNode after = awaitReport("2026-08-01", "2026-08-02").get("rows");
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(0).get("records").asLong()).isEqualTo(3);
        assertThat(after.get(1).get("records").asLong()).isEqualTo(1);
    }

    @Test
    void rebuilding_one_projection_reproduces_identical_rows_and_leaves_the_others_alone() throws Exception {
        Instant day = Instant.parse("2026-07-01T12:00:00Z");
        SpendRecorded original = priced("july-1", "platform", "model-a", day, 10, 100);
        LedgerEnvelope recorded = ledger.append(original);
        fixture.publish(recorded, ledger.append(unpriced("july-2", "research", "model-b", day, 20)),
                ledger.append(repricing(recorded.position(), original, 150)));
        long head = ledger.position();
        database.awaitCheckpoint(AppliedPositionsProjection.NAME, head);
        database.awaitCheckpoint(DailySpendProjection.NAME, head);
        List<List<Object>> rowsBefore = dailySpendRows();
        long highestIdBefore = database.number("SELECT max(id) FROM daily_spend");

        HttpResponse<String> answer = http.toBlocking().exchange(
                HttpRequest.POST("/v1/projections/daily-spend/rebuild", ""), String.class);

        assertThat(answer.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        String body = answer.body();
        assertThat(body).contains("\"projection\":\"daily-spend\"", "\"status\":\"rebuilding\"");
        assertThat(database.checkpoint(AppliedPositionsProjection.NAME)).isEqualTo(head);
        assertThat(appliedPositions.resets()).isZero();
        database.awaitCheckpoint(DailySpendProjection.NAME, head);
        assertThat(dailySpendRows()).isEqualTo(rowsBefore);
        // Every row written anew: the lowest id now is above the highest before the rebuild.
        assertThat(database.number("SELECT min(id) FROM daily_spend")).isGreaterThan(highestIdBefore);
        assertThat(appliedPositions.applied()).hasSize((int) head);

        fixture.publish(ledger.append(priced("july-3", "platform", "model-a", day, 1, 1)));
        database.awaitCheckpoint(AppliedPositionsProjection.NAME, ledger.position());
    }

    @Test
    void answers_404_naming_the_projections_for_an_unknown_name() {
        assertThatThrownBy(() -> http.toBlocking().exchange(
                HttpRequest.POST("/v1/projections/no-such-thing/rebuild", ""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, notFound -> {
                    assertThat(notFound.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
                    String body = notFound.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("no projection named 'no-such-thing'", "\"field\":\"name\"",
                            "daily-spend", AppliedPositionsProjection.NAME);
                });
    }

    @Test
    void shows_each_projection_in_health() throws IOException {
        JsonNode health = TestLedger.JACKSON.readTree(http.toBlocking().retrieve("/health"));

        JsonNode projections = health.get("details").get("ledgerFollower").get("details");
        assertThat(projections.get(DailySpendProjection.NAME).get("status").asText()).isEqualTo("UP");
        assertThat(projections.get(AppliedPositionsProjection.NAME).get("status").asText()).isEqualTo("UP");
    }

    /** Every column but the generated id, in key order: what a rebuild must reproduce exactly. */
    private List<List<Object>> dailySpendRows() {
        return database.query("""
                SELECT day, team, model, records, input_tokens, output_tokens, cache_read_tokens,
                    cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, cost_usd_micros, unpriced_records,
                    last_ledger_position
                FROM daily_spend ORDER BY day, team, model""");
    }

    /** The report once it reflects every entry published so far. */
    private JsonNode awaitReport(String from, String to) throws IOException {
        fixture.awaitApplied(DailySpendProjection.NAME);
        JsonNode report = TestLedger.JACKSON.readTree(
                http.toBlocking().retrieve("/v1/reports/spend?from=" + from + "&to=" + to));
        assertThat(report.get("asOfLedgerPosition").asLong()).isEqualTo(ledger.position());
        return report;
    }
}
