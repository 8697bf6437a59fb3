package dev.aispend.report.spend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.UsageConflictFlagged;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.testsupport.ledger.SpendMother.priced;
import static dev.aispend.testsupport.ledger.SpendMother.repricing;
import static dev.aispend.testsupport.ledger.SpendMother.unpriced;
import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spend report against real PostgreSQL and Kafka, entries published the way the ledger publishes them: sums
 * per team, a correction counted on its original's day, the foundation's usage as unpriced spend, a conflict
 * counted for nothing, a redelivery counted once, re-attribution by a later identity link, and as-of answers
 * equal to what was served at that position.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpendReportIT extends ReportSystemTest {
    private static final Instant DAY = Instant.parse("2026-09-01T10:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;
    private final TestLedger ledger = system.ledger();

    private JsonNode spend(String query) throws IOException {
        return ReportAnswers.json(http, "/v1/reports/spend?" + query);
    }

    @Test
    @Order(1)
    void sums_spend_per_team_with_legacy_usage_unpriced_and_conflicts_counted_for_nothing() throws IOException {
        LegacyUsageRecorded legacy = new LegacyUsageRecorded("legacy-1", DAY, DAY, "api", "platform", "prs_platform",
                "model-a", TokenCounts.of(300, 30), "e".repeat(64));
        SpendRecorded unpricedSpend = unpriced("unpriced-1", "platform", "model-a", DAY, 200);
        var entries = List.of(ledger.append(priced("priced-1", "platform", "model-a", DAY, 1000, 2_500)),
                ledger.append(unpricedSpend),
                ledger.append(LedgerEventType.LEGACY_USAGE_RECORDED.typeName(), 1, TestLedger.json(legacy)),
                ledger.append(new UsageConflictFlagged("priced-1", "a".repeat(64), "b".repeat(64), DAY, DAY, "api",
                        "platform", "prs_a", "model-a", TokenCounts.of(99_999, 0))),
                ledger.append(priced("priced-2", "research", "model-b", DAY, 50, 700)));
        system.publish(entries);
        system.publish(entries);
        system.awaitApplied(ledger.position());

        JsonNode report = spend("from=2026-09-01&to=2026-09-01");

        assertThat(report.get("rows")).hasSize(2);
        JsonNode platform = report.get("rows").get(0);
        assertThat(platform.get("team").asText()).isEqualTo("platform");
        assertThat(platform.at("/figures/records").asLong()).isEqualTo(3);
        assertThat(platform.at("/figures/tokens/input").asLong()).isEqualTo(1000 + 200 + 300);
        assertThat(platform.at("/figures/costUsdMicros").asLong()).isEqualTo(2_500);
        assertThat(platform.at("/figures/unpricedRecords").asLong()).isEqualTo(2);
        assertThat(report.at("/totals/costUsdMicros").asLong()).isEqualTo(3_200);
        assertThat(report.at("/unpriced/records").asLong()).isEqualTo(2);
        assertThat(report.at("/asOf/ledgerPosition").asLong()).isEqualTo(5);

        // The first price of the unpriced record lands on its own day, three weeks later in the ledger.
        system.publish(List.of(ledger.append(repricing(2, unpricedSpend, 400))));
        system.awaitApplied(ledger.position());
        JsonNode corrected = spend("from=2026-09-01&to=2026-09-01");
        assertThat(corrected.at("/rows/0/figures/costUsdMicros").asLong()).isEqualTo(2_900);
        assertThat(corrected.at("/rows/0/figures/unpricedRecords").asLong()).isEqualTo(1);
        assertThat(withoutApplied(spend("from=2026-09-01&to=2026-09-01&asOf=5"))).isEqualTo(withoutApplied(report));
    }

    @Test
    @Order(2)
    void re_attributes_an_unresolved_alias_from_the_link_on_and_keeps_the_answer_as_of_before_it()
            throws IOException {
        Instant later = DAY.plusSeconds(3_600);
        SpendRecorded unattributed = new SpendRecorded("alias-1", "als_newcomer", "unattributed", null, "anthropic",
                "model-a", priced("x", "t", "model-a", later, 10, 900).spend(), 1_000L, "coding", "otel", null, null,
                later, later, "c".repeat(64), null);
        system.publish(List.of(ledger.append(unattributed)));
        system.awaitApplied(ledger.position());
        long beforeLink = ledger.position();
        JsonNode before = spend("from=2026-09-01&to=2026-09-01&groupBy=team,personRef");

        system.publish(List.of(ledger.append(new IdentityLinked("lnk-1", "als_newcomer", "email", "prs_newcomer",
                "research", "cc-9", "directory", DAY.minusSeconds(86_400), DAY, "d".repeat(64)))));
        system.awaitApplied(ledger.position());
        JsonNode after = spend("from=2026-09-01&to=2026-09-01&groupBy=team,personRef");

        assertThat(teams(before)).contains("unattributed");
        assertThat(teams(after)).doesNotContain("unattributed").contains("research");
        assertThat(after.at("/totals/costUsdMicros").asLong()).isEqualTo(before.at("/totals/costUsdMicros")
                .asLong());
        assertThat(after.at("/totals/reconciliation/differenceUsdMicros").asLong()).isEqualTo(-100);
        JsonNode asOfBefore = spend("from=2026-09-01&to=2026-09-01&groupBy=team,personRef&asOf=" + beforeLink);
        assertThat(asOfBefore.get("rows")).isEqualTo(before.get("rows"));
        assertThat(asOfBefore.get("totals")).isEqualTo(before.get("totals"));
    }

    @Test
    @Order(3)
    void answers_csv_that_a_csv_library_reads_back_with_the_same_figures() throws IOException {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/spend?from=2026-09-01&to=2026-09-01"
                + "&period=day&format=csv"));
        JsonNode json = spend("from=2026-09-01&to=2026-09-01&period=day");

        List<Map<String, String>> read = ReportAnswers.csv(csv);
        assertThat(read).hasSize(json.get("rows").size());
        assertThat(read.get(0).get("period")).isEqualTo("2026-09-01");
        assertThat(Long.parseLong(read.get(0).get("costUsdMicros")))
                .isEqualTo(json.at("/rows/0/figures/costUsdMicros").asLong());
    }

    @Test
    @Order(4)
    void refuses_bad_parameters_naming_each_and_an_as_of_not_reached() {
        assertThatThrownBy(() -> spend("from=2026-09-02&to=2026-09-01&groupBy=colour&period=year"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"from\"", "\"groupBy\"", "\"period\"");
                });
        assertThatThrownBy(() -> spend("from=2026-09-01&to=2026-09-01&asOf=999999"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(409));
    }

    /** The answer without what the read models had applied beyond it (which grows while the answer stays). */
    private static List<String> teams(JsonNode report) {
        return report.get("rows").findValuesAsText("team");
    }
}
