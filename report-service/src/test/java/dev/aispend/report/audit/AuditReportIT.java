package dev.aispend.report.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.report.fixture.ReportMonth;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.report.support.ReportSystemTest;
import dev.aispend.report.support.ReportTestSystem;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.aispend.report.support.ReportAnswers.withoutApplied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit reports over the October 2026 fixture (ReportMonth) for a caller who may not see people, checked
 * against the payloads read a second, plain way: every policy version and refusal in ledger order (followed page
 * by page), every decision with its policy version, trigger and inputs (person refs hidden, evidence otherwise as
 * recorded), counts per kind, as-of mid-month equal to what was served then, CSV read back, and the ledger status
 * while ledger-service is away (its URL a closed port).
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditReportIT extends ReportSystemTest {
    private static final String PERSON = "(?<![A-Za-z0-9])(prs|als)_[A-Za-z0-9]+";

    @Inject
    @Client("/")
    HttpClient http;
    private final List<LedgerPayload> payloads = ReportMonth.payloads();
    private final long middle = ReportMonth.positionAfterFirstHalf();
    private final long end = ReportMonth.envelopes().size();
    private JsonNode changesAtMiddle;
    private JsonNode decisionsAtMiddle;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("test.bearer.roles", NO_PEOPLE_ROLE,
                "micronaut.http.services.ledger.url", "http://127.0.0.1:" + ReportTestSystem.freePort(),
                "report.audit.ledger-timeout", "3s");
    }

    private JsonNode get(String uri) throws IOException {
        return ReportAnswers.json(http, uri);
    }

    @Test
    @Order(1)
    void serves_mid_month() throws IOException {
        system.publishMonthThrough(middle);
        changesAtMiddle = get("/v1/reports/audit/policy-changes?limit=1000");
        decisionsAtMiddle = get("/v1/reports/audit/decisions?limit=1000");
        assertThat(changes(changesAtMiddle)).isEqualTo(expectedChanges(middle));
        assertThat(decisions(decisionsAtMiddle)).isEqualTo(expectedDecisions(middle));

        system.publishMonthAfter(middle);
    }

    @Test
    @Order(2)
    void lists_every_policy_version_and_refusal_in_ledger_order_page_by_page() throws IOException {
        List<String> served = new ArrayList<>();
        Long offset = 0L;
        int pages = 0;
        while (offset != null) {
            JsonNode page = get("/v1/reports/audit/policy-changes?limit=4&offset=" + offset);
            served.addAll(changes(page));
            offset = page.at("/page/nextOffset").isMissingNode() ? null : page.at("/page/nextOffset").asLong();
            pages++;
        }
        List<String> expected = expectedChanges(end);
        assertThat(served).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
        assertThat(expected).anyMatch(change -> change.startsWith(ReportMonth.positionOf(ReportMonth.REJECTED_REQUEST)
                + "|REJECTED|BUDGET|platform-monthly|1/2|"));
        long budgets = expected.stream().filter(change -> change.contains("|BUDGET|")).count();
        assertThat(get("/v1/reports/audit/policy-changes?kind=BUDGET").at("/page/total").asLong()).isEqualTo(budgets);
    }

    @Test
    @Order(3)
    void lists_every_decision_with_people_hidden_and_evidence_as_recorded() throws IOException {
        String body = http.toBlocking().retrieve(HttpRequest.GET("/v1/reports/audit/decisions?limit=1000"));
        JsonNode served = TestLedger.JACKSON.readTree(body);

        assertThat(decisions(served)).isEqualTo(expectedDecisions(end));
        assertThat(body).doesNotContainPattern(PERSON);
        assertThat(served.get("peopleHidden").asBoolean()).isTrue();
        for (JsonNode decision : served.get("decisions")) {
            PolicyDecisionRecorded recorded = (PolicyDecisionRecorded) payloads.get(
                    (int) decision.get("ledgerPosition").asLong() - 1);
            String evidence = TestLedger.JACKSON.writeValueAsString(recorded.evidence());
            if (!evidence.matches("(?s).*" + PERSON + ".*") && !evidence.contains("\"personRef\"")) {
                assertThat(decision.get("evidence")).as(recorded.decisionId())
                        .isEqualTo(TestLedger.JACKSON.readTree(evidence));
            }
        }
        Map<String, Long> byKind = new TreeMap<>();
        payloads.stream().filter(PolicyDecisionRecorded.class::isInstance).map(PolicyDecisionRecorded.class::cast)
                .forEach(decision -> byKind.merge(decision.kind(), 1L, Long::sum));
        assertThat(byKind).containsKeys("BUDGET_THRESHOLD_CROSSED", "CHECK", "BADGE_AWARDED");
        for (Map.Entry<String, Long> kind : byKind.entrySet()) {
            assertThat(get("/v1/reports/audit/decisions?limit=1&kind=" + kind.getKey()).at("/page/total").asLong())
                    .as(kind.getKey()).isEqualTo(kind.getValue());
        }
    }

    @Test
    @Order(4)
    void answers_as_of_mid_month_what_it_served_then_and_csv_with_the_same_rows() throws IOException {
        assertThat(withoutApplied(get("/v1/reports/audit/policy-changes?limit=1000&asOf=" + middle)))
                .isEqualTo(withoutApplied(changesAtMiddle));
        assertThat(withoutApplied(get("/v1/reports/audit/decisions?limit=1000&asOf=" + middle)))
                .isEqualTo(withoutApplied(decisionsAtMiddle));

        JsonNode decisions = get("/v1/reports/audit/decisions?limit=1000");
        List<Map<String, String>> rows = csv("/v1/reports/audit/decisions?limit=1000&format=csv");
        assertThat(rows).extracting(row -> row.get("decisionId"))
                .containsExactlyElementsOf(decisions.get("decisions").findValuesAsText("decisionId"));
        for (int index = 0; index < rows.size(); index++) {
            assertThat(TestLedger.JACKSON.readTree(rows.get(index).get("evidence")))
                    .isEqualTo(decisions.get("decisions").get(index).get("evidence"));
        }
        List<Map<String, String>> changes = csv("/v1/reports/audit/policy-changes?limit=1000&format=csv");
        assertThat(changes).extracting(row -> row.get("requestId")).containsExactlyElementsOf(
                get("/v1/reports/audit/policy-changes?limit=1000").get("changes").findValuesAsText("requestId"));
    }

    @Test
    @Order(5)
    void refuses_a_page_past_the_maximum_and_a_subject_naming_a_person() {
        assertThatThrownBy(() -> get("/v1/reports/audit/decisions?limit=1001"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("\"limit\"");
                });
        assertThatThrownBy(() -> get("/v1/reports/audit/decisions?subject=person:" + ReportMonth.HEAVY_PLATFORM))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(403));
    }

    @Test
    @Order(6)
    void says_the_ledger_is_unavailable_without_waiting_for_it() throws IOException {
        Instant asked = Instant.now();
        JsonNode status = get("/v1/reports/audit/ledger");

        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(status.at("/ledger/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(status.at("/ledger/detail").asText()).contains("its head");
        assertThat(status.at("/ledger/head").isMissingNode()).isTrue();
        assertThat(status.at("/reports/appliedPosition").asLong()).isEqualTo(end);
        assertThat(status.at("/reports/readModels").findValuesAsText("readModel")).contains("budgets", "decisions");
        List<Map<String, String>> rows = csv("/v1/reports/audit/ledger?format=csv");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("ledgerStatus")).isEqualTo("UNAVAILABLE");
        assertThat(rows.get(0).get("reportsAppliedPosition")).isEqualTo(String.valueOf(end));
    }

    /** Policy changes from the payloads: position|outcome|kind|policyId|version (or expected/current)|actor|... */
    private List<String> expectedChanges(long asOf) {
        List<String> changes = new ArrayList<>();
        for (int position = 1; position <= asOf; position++) {
            LedgerPayload payload = payloads.get(position - 1);
            if (payload instanceof PolicyChanged change) {
                changes.add(position + "|RECORDED|" + change.kind() + "|" + change.policyId() + "|"
                        + change.version() + "|" + change.actor() + "|" + change.requestId() + "|"
                        + change.effectiveFrom() + "|" + change.diff().size());
            } else if (payload instanceof PolicyChangeRejected refused) {
                changes.add(position + "|REJECTED|" + refused.kind() + "|" + refused.policyId() + "|"
                        + refused.expectedVersion() + "/" + refused.currentVersion() + "|" + refused.actor() + "|"
                        + refused.requestId() + "|" + refused.reason() + "|-");
            }
        }
        return changes;
    }

    private static List<String> changes(JsonNode page) {
        List<String> changes = new ArrayList<>();
        for (JsonNode change : page.get("changes")) {
            boolean recorded = change.get("outcome").asText().equals("RECORDED");
            changes.add(change.get("ledgerPosition").asLong() + "|" + change.get("outcome").asText() + "|"
                    + change.get("kind").asText() + "|" + change.get("policyId").asText() + "|"
                    + (recorded ? change.get("version").asText() : change.get("expectedVersion").asText() + "/"
                    + change.get("currentVersion").asText()) + "|" + change.get("actor").asText() + "|"
                    + change.get("requestId").asText() + "|" + (recorded ? change.get("effectiveFrom").asText() + "|"
                    + change.get("diff").size() : change.get("reason").asText() + "|-"));
        }
        return changes;
    }

    /** Decisions from the payloads, person refs hidden: position|id|kind|subject|policy|version|result|... */
    private List<String> expectedDecisions(long asOf) {
        List<String> decisions = new ArrayList<>();
        for (int position = 1; position <= asOf; position++) {
            if (payloads.get(position - 1) instanceof PolicyDecisionRecorded decision) {
                decisions.add((position + "|" + decision.decisionId() + "|" + decision.kind() + "|"
                        + decision.subject() + "|" + decision.policyId() + "|" + decision.policyVersion() + "|"
                        + decision.result() + "|" + decision.triggerPosition() + "|" + decision.inputs().stream()
                        .map(input -> input.ledgerPosition() + ":" + input.name() + "=" + input.amount())
                        .collect(Collectors.joining(","))).replaceAll(PERSON, "hidden"));
            }
        }
        return decisions;
    }

    private static List<String> decisions(JsonNode page) {
        List<String> decisions = new ArrayList<>();
        for (JsonNode decision : page.get("decisions")) {
            List<String> inputs = new ArrayList<>();
            decision.get("inputs").forEach(input -> inputs.add(input.get("ledgerPosition").asLong() + ":"
                    + input.get("name").asText() + "=" + input.get("amount").asLong()));
            decisions.add(decision.get("ledgerPosition").asLong() + "|" + decision.get("decisionId").asText() + "|"
                    + decision.get("kind").asText() + "|" + decision.get("subject").asText() + "|"
                    + decision.get("policyId").asText() + "|" + decision.get("policyVersion").asLong() + "|"
                    + decision.get("result").asText() + "|" + (decision.has("triggerPosition")
                    ? decision.get("triggerPosition").asText() : "null") + "|" + String.join(",", inputs));
        }
        return decisions;
    }

    private List<Map<String, String>> csv(String uri) throws IOException {
        return ReportAnswers.csv(http, uri);
    }
}
