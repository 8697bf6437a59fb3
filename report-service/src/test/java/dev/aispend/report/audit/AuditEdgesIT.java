package dev.aispend.report.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.testsupport.ledger.TestLedger;
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

import static dev.aispend.report.audit.PolicyEntries.budgetContent;
import static dev.aispend.report.audit.PolicyEntries.budgetDecision;
import static dev.aispend.report.audit.PolicyEntries.check;
import static dev.aispend.report.audit.PolicyEntries.rejection;
import static dev.aispend.report.audit.PolicyEntries.version;
import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit lists over a small hand-made ledger, for a caller who may not see people: a person-scoped budget's
 * versions and a refusal in ledger order with paging and filters (person refs hidden in diffs and content),
 * decisions with their inputs and evidence (person refs hidden in ids, subjects, reasons and evidence), as-of
 * answers equal to what was served then, CSV read back, and bad parameters named.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditEdgesIT extends ReportSystemTest {
    private static final Instant OCTOBER = Instant.parse("2026-10-01T09:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;
    private final TestLedger ledger = system.ledger();
    private JsonNode changesAtFive;
    private JsonNode decisionsAtFive;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("test.bearer.roles", NO_PEOPLE_ROLE);
    }

    private JsonNode get(String uri) throws IOException {
        return ReportAnswers.json(http, uri);
    }

    @Test
    @Order(1)
    void lists_versions_and_refusals_in_ledger_order_with_person_refs_hidden() throws IOException {
        Map<String, Object> alice = budgetContent("Alice", Map.of("personRef", "prs_alice"), "MONTH", "UTC", 1,
                List.of(), false, true);
        Map<String, Object> raised = budgetContent("Alice", Map.of("personRef", "prs_alice"), "MONTH", "UTC", 2,
                List.of(), false, true);
        system.publish(List.of(
                ledger.append(version("default-cards", PolicyKind.RATE_CARD, 1, "system", Map.of("cards", List.of()),
                        List.of(new PolicyChanged.ContentChange("cards", null, List.of())),
                        Instant.parse("2026-09-15T08:00:00Z"))),
                ledger.append(PolicyEntries.budget("alice-monthly", 1, alice, OCTOBER)),
                ledger.append(rejection("alice-monthly", PolicyKind.BUDGET, 0, 1, "VERSION_CONFLICT", alice,
                        Instant.parse("2026-10-02T10:00:00Z"))),
                ledger.append(version("alice-monthly", PolicyKind.BUDGET, 2, "policy-owner", raised,
                        List.of(new PolicyChanged.ContentChange("amountUsdMicros", 1, 2)),
                        Instant.parse("2026-10-03T11:00:00Z"))),
                ledger.append(budgetDecision("BUDGET_THRESHOLD_CROSSED", "CROSSED", "alice-monthly", 2, "2026-10", 50,
                        4, 1, Instant.parse("2026-10-03T11:00:00Z"), Map.of()))));
        system.awaitApplied(5);

        JsonNode changes = get("/v1/reports/audit/policy-changes");
        changesAtFive = changes;
        decisionsAtFive = get("/v1/reports/audit/decisions");

        assertThat(changes.get("peopleHidden").asBoolean()).isTrue();
        assertThat(changes.at("/page/total").asLong()).isEqualTo(4);
        assertThat(changes.get("changes").findValues("ledgerPosition")).extracting(JsonNode::asLong)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(changes.get("changes").findValuesAsText("outcome"))
                .containsExactly("RECORDED", "RECORDED", "REJECTED", "RECORDED");
        JsonNode first = changes.at("/changes/1");
        assertThat(first.get("policyId").asText()).isEqualTo("alice-monthly");
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("actor").asText()).isEqualTo("policy-owner");
        assertThat(first.get("requestId").asText()).isEqualTo("req-alice-monthly-v1");
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("2026-10-01T09:00:00Z");
        JsonNode scopeChange = null;
        for (JsonNode change : first.get("diff")) {
            scopeChange = change.get("field").asText().equals("scope") ? change : scopeChange;
        }
        assertThat(scopeChange).isNotNull();
        assertThat(scopeChange.at("/after/personRef").asText()).isEqualTo("hidden");
        assertThat(changes.toString()).doesNotContain("prs_alice");
        JsonNode refused = changes.at("/changes/2");
        assertThat(refused.get("reason").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(refused.get("expectedVersion").asLong()).isZero();
        assertThat(refused.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(refused.has("version")).isFalse();
        assertThat(refused.at("/content/scope/personRef").asText()).isEqualTo("hidden");
        assertThat(changes.at("/changes/3/diff/0/before").asLong()).isEqualTo(1);
        assertThat(changes.at("/changes/3/diff/0/after").asLong()).isEqualTo(2);

        // The budget report hides the person a budget is scoped to, as well.
        JsonNode budgets = get("/v1/reports/budgets?budgetId=alice-monthly");
        assertThat(budgets.get("peopleHidden").asBoolean()).isTrue();
        assertThat(budgets.at("/budgets/0/scope/personRef").asText()).isEqualTo("hidden");
        assertThat(budgets.at("/budgets/0/scope/label").asText()).isEqualTo("personRef=hidden");
        assertThat(budgets.toString()).doesNotContain("prs_alice");
    }

    @Test
    @Order(2)
    void filters_and_pages() throws IOException {
        assertThat(get("/v1/reports/audit/policy-changes?kind=BUDGET").at("/page/total").asLong()).isEqualTo(3);
        assertThat(get("/v1/reports/audit/policy-changes?policyId=default-cards").get("changes")
                .findValuesAsText("policyId")).containsExactly("default-cards");
        assertThat(get("/v1/reports/audit/policy-changes?from=2026-10-02&to=2026-10-02").get("changes")
                .findValuesAsText("outcome")).containsExactly("REJECTED");
        JsonNode firstPage = get("/v1/reports/audit/policy-changes?limit=3");
        assertThat(firstPage.get("changes")).hasSize(3);
        assertThat(firstPage.at("/page/nextOffset").asLong()).isEqualTo(3);
        JsonNode lastPage = get("/v1/reports/audit/policy-changes?limit=3&offset=3");
        assertThat(lastPage.get("changes").findValues("ledgerPosition")).extracting(JsonNode::asLong)
                .containsExactly(4L);
        assertThat(lastPage.at("/page/nextOffset").isMissingNode()).isTrue();
    }

    @Test
    @Order(3)
    void lists_decisions_with_inputs_and_evidence_hiding_people_and_answers_as_of_as_served() throws IOException {
        PolicyDecisionRecorded badge = new PolicyDecisionRecorded("BADGE_AWARDED:first-use:v1:prs_bob@5",
                "BADGE_AWARDED", "person:prs_bob", "first-use", 1, List.of(new PolicyDecision.DecisionInput(5,
                "tally", 1)), "AWARDED", "first use by prs_bob", OCTOBER, "e".repeat(64), 5L,
                Map.of("personRef", "prs_bob", "team", "platform"));
        system.publish(List.of(
                ledger.append(check("chk-9", "DENY", "alice-monthly", 2, "2026-10", "prs_alice", 7,
                        Instant.parse("2026-10-04T08:00:00Z"))),
                ledger.append(badge)));
        system.awaitApplied(7);

        JsonNode decisions = get("/v1/reports/audit/decisions");
        assertThat(decisions.at("/page/total").asLong()).isEqualTo(3);
        assertThat(decisions.get("decisions").findValuesAsText("kind"))
                .containsExactly("BUDGET_THRESHOLD_CROSSED", "CHECK", "BADGE_AWARDED");
        JsonNode threshold = decisions.at("/decisions/0");
        assertThat(threshold.get("policyId").asText()).isEqualTo("alice-monthly");
        assertThat(threshold.get("policyVersion").asLong()).isEqualTo(2);
        assertThat(threshold.get("triggerPosition").asLong()).isEqualTo(4);
        assertThat(threshold.get("ledgerPosition").asLong()).isEqualTo(5);
        assertThat(threshold.get("inputs").findValuesAsText("name"))
                .containsExactly("spend", "budget:amount", "period:spent");
        assertThat(threshold.at("/evidence/thresholdPercent").asInt()).isEqualTo(50);
        JsonNode denied = decisions.at("/decisions/1");
        assertThat(denied.has("triggerPosition")).isFalse();
        assertThat(denied.get("reason").asText()).isEqualTo("checked for hidden");
        assertThat(denied.at("/evidence/request/personRef").asText()).isEqualTo("hidden");
        assertThat(denied.at("/evidence/estimatedCostUsdMicros").asLong()).isEqualTo(7);
        JsonNode awarded = decisions.at("/decisions/2");
        assertThat(awarded.get("decisionId").asText()).isEqualTo("BADGE_AWARDED:first-use:v1:hidden@5");
        assertThat(awarded.get("subject").asText()).isEqualTo("person:hidden");
        assertThat(decisions.toString()).doesNotContain("prs_");

        assertThat(get("/v1/reports/audit/decisions?kind=CHECK").get("decisions")).hasSize(1);
        assertThat(get("/v1/reports/audit/decisions?subject=budget:alice-monthly/2026-10&policyId=alice-monthly")
                .get("decisions")).hasSize(1);
        assertThat(withoutApplied(get("/v1/reports/audit/decisions?asOf=5"))).isEqualTo(withoutApplied(decisionsAtFive));
        assertThat(withoutApplied(get("/v1/reports/audit/policy-changes?asOf=5")))
                .isEqualTo(withoutApplied(changesAtFive));
    }

    @Test
    @Order(4)
    void answers_csv_a_csv_library_reads_back_with_the_same_rows() throws IOException {
        JsonNode changes = get("/v1/reports/audit/policy-changes");
        List<Map<String, String>> changeRows = csv("/v1/reports/audit/policy-changes?format=csv");
        assertThat(changeRows).hasSize(changes.get("changes").size());
        assertThat(changeRows.get(2).get("outcome")).isEqualTo("REJECTED");
        assertThat(TestLedger.JACKSON.readTree(changeRows.get(1).get("diff"))).isEqualTo(changes.at("/changes/1/diff"));

        JsonNode decisions = get("/v1/reports/audit/decisions");
        List<Map<String, String>> decisionRows = csv("/v1/reports/audit/decisions?format=csv");
        assertThat(decisionRows).extracting(row -> row.get("decisionId"))
                .containsExactlyElementsOf(decisions.get("decisions").findValuesAsText("decisionId"));
        assertThat(decisionRows.get(0).get("inputs")).isEqualTo("4:spend=1|1:budget:amount=1|4:period:spent=1");
        assertThat(TestLedger.JACKSON.readTree(decisionRows.get(1).get("evidence")))
                .isEqualTo(decisions.at("/decisions/1/evidence"));
    }

    @Test
    @Order(5)
    void refuses_bad_parameters_naming_each_and_a_person_subject() {
        assertRefused("/v1/reports/audit/decisions?limit=1001", 400, "\"limit\"");
        assertRefused("/v1/reports/audit/policy-changes?kind=NOPE", 400, "\"kind\"");
        assertRefused("/v1/reports/audit/decisions?from=yesterday&offset=-1", 400, "\"from\"", "\"offset\"");
        assertRefused("/v1/reports/audit/decisions?subject=person:prs_bob", 403, "\"subject\"");
    }

    private void assertRefused(String uri, int status, String... fields) {
        assertThatThrownBy(() -> get(uri)).as(uri).isInstanceOfSatisfying(HttpClientResponseException.class,
                refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(status);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains(fields);
                });
    }

    private List<Map<String, String>> csv(String uri) throws IOException {
        return ReportAnswers.csv(http, uri);
    }
}
