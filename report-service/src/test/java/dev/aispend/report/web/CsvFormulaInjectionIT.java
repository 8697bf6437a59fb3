package dev.aispend.report.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.report.audit.PolicyEntries;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.testsupport.ledger.SpendMother.FIRST_CARD;
import static dev.aispend.testsupport.ledger.SpendMother.repricing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that reached the ledger and would run as a formula in a spreadsheet (a model name ingest accepts, since
 * model names may hold any printable character; a policy change's actor, the token's subject) comes out of every
 * kind of CSV export with a single quote before it, read back by a CSV library; a negative figure in the same
 * export stays a number (docs/security.md, CSV exports).
 */
@MicronautTest(transactional = false)
class CsvFormulaInjectionIT extends ReportSystemTest {
    private static final String MODEL = "=HYPERLINK(\"http://x\")";
    private static final String ACTOR = "@attacker";
    private static final String BUDGET_NAME = "-2+3";
    private static final Instant DAY = Instant.parse("2026-09-01T10:00:00Z");
    private static final String RANGE = "from=2026-09-01&to=2026-09-01";

    @Inject
    @Client("/")
    HttpClient http;

    @BeforeAll
    void recordHostileTexts() {
        SpendRecorded spend = new SpendRecorded("formula-1", "prs_platform", "platform", null, "anthropic", MODEL,
                Spend.priced(TokenCounts.of(1000, 1), 2_000, FIRST_CARD), 2_500L, null, "api", null, null, DAY, DAY,
                "f".repeat(64), null);
        system.appendAndAwait(List.of(spend, repricing(1, spend, 1_500),
                PolicyEntries.version("budget-formula", PolicyKind.BUDGET, 1, ACTOR, PolicyEntries.budgetContent(
                        BUDGET_NAME, Map.of("team", "platform"), "MONTH", "UTC", 1_000, List.of(50), false, true),
                        List.of(new PolicyChanged.ContentChange("name", null, BUDGET_NAME)), DAY)));
    }

    @Test
    void the_spend_report_neutralises_a_model_name_and_keeps_a_negative_difference_a_number() throws IOException {
        JsonNode json = ReportAnswers.json(http, "/v1/reports/spend?" + RANGE + "&groupBy=model");
        List<Map<String, String>> rows = ReportAnswers.csv(http, "/v1/reports/spend?" + RANGE
                + "&groupBy=model&format=csv");

        assertThat(json.at("/rows/0/model").asText()).isEqualTo(MODEL);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("model")).isEqualTo("'" + MODEL);
            long difference = Long.parseLong(row.get("reportedDifferenceUsdMicros"));
            assertThat(difference).isNegative()
                    .isEqualTo(json.at("/rows/0/figures/reconciliation/differenceUsdMicros").asLong());
        });
    }

    @Test
    void the_focus_export_neutralises_the_sku_and_keeps_a_negative_adjustment_a_number() throws IOException {
        List<Map<String, String>> rows = ReportAnswers.csv(http, "/v1/reports/focus?" + RANGE);

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("SkuId")).isEqualTo("'" + MODEL));
        assertThat(rows).filteredOn(row -> "Adjustment".equals(row.get("ChargeCategory"))).singleElement()
                .satisfies(row -> assertThat(new BigDecimal(row.get("BilledCost")))
                        .isEqualByComparingTo("-0.000500"));
    }

    @Test
    void the_policy_change_audit_neutralises_the_actor() throws IOException {
        List<Map<String, String>> rows = ReportAnswers.csv(http, "/v1/reports/audit/policy-changes?format=csv");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("'" + ACTOR);
            // A diff is JSON, which starts with '[': the name inside it is as recorded.
            assertThat(row.get("diff")).startsWith("[").contains("\"" + BUDGET_NAME + "\"");
            assertThat(Long.parseLong(row.get("version"))).isEqualTo(1);
        });
    }
}
