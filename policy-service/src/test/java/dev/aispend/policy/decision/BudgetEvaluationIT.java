package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.rules.PolicyTestTopics;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.verification.DecisionComparison;
import dev.aispend.policy.verification.VerificationResult;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget evaluator as it runs in production, on PostgreSQL inside the policy projection
 * ({@link JdbcEvaluatorState}, state loaded and written per delivery), sends exactly the decisions the pure
 * evaluator derives in memory ({@link InMemoryEvaluatorState}) from the same entries: the same ids with the same
 * content, compared as re-derivation compares them ({@link DecisionComparison}), and as many.
 *
 * <p>Per seed, a long {@link BudgetLedgerStream} is delivered in chunks of random sizes ({@link LedgerDeliveries}),
 * each awaited; some chunks are published twice, or after the previous chunk again (redelivered entries, which
 * the follower drops), and some deliveries, mostly ones that decide something, fail once after their decisions
 * were sent, so they are rolled back and evaluated again from the same state and send the same decisions again:
 * decisions.v1 is read deduplicated by id, each duplicate checked to be identical. Then a rebuild from position 1
 * must send every decision of the ledger again. The seeds share one ledger (one service, one topic): the second
 * continues after the first, whose budgets keep counting, and the expectation is always the in-memory evaluation
 * of the whole ledger. Every random choice is seeded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetEvaluationIT implements TestPropertyProvider {
    private static final int ENTRIES_PER_SEED = 600;
    private static final Duration READ_WITHIN = Duration.ofSeconds(30);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final TestLedger ledger = fixture.ledger();
    private final BudgetEvaluator evaluator = new BudgetEvaluator();
    private final InMemoryEvaluatorState memory = new InMemoryEvaluatorState();
    /** Everything the pure evaluator derived from the ledger so far, in order. */
    private final List<PolicyDecision> derived = new ArrayList<>();
    /** How many entries of each payload type were appended. */
    private final Map<String, Integer> appendedTypes = new TreeMap<>();
    private Instant lastEventTime;
    private LedgerDeliveries deliveries;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = PolicyTestTopics.propertiesWithTopics(fixture);
        return properties;
    }

    @AfterAll
    void close() {
        if (deliveries != null) {
            deliveries.close();
        }
        fixture.close();
    }

    @Order(1)
    @ParameterizedTest(name = "seed {0}, from {1}")
    @CsvSource({"11, 2027-03-18T00:00:00Z", "2027, 2027-06-18T00:00:00Z"})
    void the_projection_sends_exactly_the_decisions_the_pure_evaluator_derives(long seed, Instant start) {
        long failedBefore = deliveries().failedDeliveries();
        Random chunking = new Random(seed * 7919 + 1);
        KafkaProbe sent = KafkaProbe.on(bootstrap(), topic("decisions.v1"));
        long firstPosition = ledger.position() + 1;
        BudgetLedgerStream stream = new BudgetLedgerStream(seed, ENTRIES_PER_SEED, firstPosition,
                lastEventTime == null || start.isAfter(lastEventTime) ? start : lastEventTime);
        List<LedgerEnvelope> previous = List.of();
        int failedDeliveries = 0;
        while (stream.hasNext()) {
            int decidedBefore = derived.size();
            List<LedgerEnvelope> chunk = append(stream, chunkSize(chunking));
            int roll = chunking.nextInt(100);
            List<LedgerEnvelope> published = new ArrayList<>();
            if (roll < 15) {
                published.addAll(previous); // the previous delivery again, then this one
            }
            published.addAll(chunk);
            if (roll >= 15 && roll < 40) {
                published.addAll(chunk); // this one twice
            }
            // Mostly deliveries that send decisions fail, so that the retry sends them again.
            if (chunking.nextInt(100) < (derived.size() > decidedBefore ? 50 : 5)) {
                deliveries().failNextDelivery();
                failedDeliveries++;
            }
            deliveries().publish(published);
            fixture.awaitApplied("policy");
            previous = chunk;
        }
        lastEventTime = stream.clock();
        long lastPosition = ledger.position();

        List<PolicyDecision> expected = derived.stream()
                .filter(decision -> decision.triggerPosition() >= firstPosition).toList();
        assertThat(appendedTypes).as("the stream holds every input and every entry to ignore").containsKeys(
                "SpendRecorded", "SpendRepriced", "PolicyChanged", "OutcomeRecorded", "IdentityLinked",
                "UsageEvidenceRecorded", "PolicyDecisionRecorded");
        assertThat(kinds(expected)).as("the stream exercises every kind").containsExactlyInAnyOrder(
                DecisionKinds.THRESHOLD_CROSSED, DecisionKinds.EXHAUSTED, DecisionKinds.FORECAST_EXHAUSTION,
                DecisionKinds.PERIOD_RESET);
        assertThat(deliveries().failedDeliveries() - failedBefore)
                .as("deliveries that failed once and were retried").isEqualTo(failedDeliveries).isPositive();
        List<ConsumerRecord<String, String>> records = sent.recordsUntilNow(READ_WITHIN);
        assertSameDecisions(records, expected, firstPosition, lastPosition);
        assertThat(records).as("decisions sent again by the deliveries that failed").hasSizeGreaterThan(
                expected.size());

        KafkaProbe resent = KafkaProbe.on(bootstrap(), topic("decisions.v1"));
        http.toBlocking().exchange(HttpRequest.POST("/v1/projections/policy/rebuild", ""), String.class);
        fixture.awaitApplied("policy");
        assertSameDecisions(resent.recordsUntilNow(READ_WITHIN), derived, 1, lastPosition);
    }

    /**
     * A budget version whose content does not parse (the ledger records budget content unchecked: only rate
     * cards are validated there) leaves the version before in force, in the pure evaluator. On PostgreSQL the
     * next delivery loads each budget's highest version before it ({@code PolicyStore.budgetsBefore}), cannot
     * parse it and drops the budget: its spend is not counted and its decisions are not sent.
     */
    @Order(2)
    @Test
    void an_unreadable_budget_version_leaves_the_version_before_in_force_across_deliveries() {
        KafkaProbe sent = KafkaProbe.on(bootstrap(), topic("decisions.v1"));
        long firstPosition = ledger.position() + 1;
        Instant at = (lastEventTime == null ? Instant.parse("2027-09-01T00:00:00Z") : lastEventTime).plusSeconds(60);
        Map<String, Object> content = EvaluatorLedger.content(Map.of("team", "ops"), "MONTH", "UTC", 1_000_000,
                List.of(50), false, true);
        Map<String, Object> unreadable = new LinkedHashMap<>(content);
        unreadable.put("colour", "red");
        deliveries().publish(appendAll(
                new PolicyChanged("request-ops-1", "ops", PolicyKind.BUDGET, 1, "owner@example", content, List.of(),
                        at, at, "a".repeat(64)),
                new PolicyChanged("request-ops-2", "ops", PolicyKind.BUDGET, 2, "owner@example", unreadable,
                        List.of(), at, at, "a".repeat(64))));
        fixture.awaitApplied("policy");
        deliveries().publish(appendAll(
                EvaluatorLedger.spendOf("ops", "prs_ops", "coding", "model-a", null, at.plusSeconds(60), 600_000),
                EvaluatorLedger.spendOf("ops", "prs_ops", "coding", "model-a", null, at.plusSeconds(120), 500_000)));
        fixture.awaitApplied("policy");
        lastEventTime = at.plusSeconds(120);

        List<PolicyDecision> expected = derived.stream()
                .filter(decision -> decision.triggerPosition() >= firstPosition).toList();
        assertThat(expected).extracting(PolicyDecision::decisionId).contains(
                "BUDGET_THRESHOLD_CROSSED:ops:v1:" + at.toString().substring(0, 7) + ":50@" + (firstPosition + 2));
        assertSameDecisions(sent.recordsUntilNow(READ_WITHIN), expected, firstPosition, ledger.position());
    }

    private List<LedgerEnvelope> appendAll(LedgerPayload... payloads) {
        return Arrays.stream(payloads).map(this::appendAndEvaluate).toList();
    }

    /** Appends an entry to the ledger and evaluates it in memory, as it is appended. */
    private LedgerEnvelope appendAndEvaluate(LedgerPayload payload) {
        LedgerEnvelope envelope = ledger.append(payload);
        appendedTypes.merge(payload.getClass().getSimpleName(), 1, Integer::sum);
        derived.addAll(evaluator.apply(memory, new LedgerEvent(envelope, payload)));
        return envelope;
    }

    /** The stream's next entries, appended and evaluated; an echo repeats the latest decision derived. */
    private List<LedgerEnvelope> append(BudgetLedgerStream stream, int size) {
        List<LedgerEnvelope> chunk = new ArrayList<>();
        while (chunk.size() < size && stream.hasNext()) {
            chunk.add(appendAndEvaluate(stream.next(derived.isEmpty() ? null : derived.get(derived.size() - 1))));
        }
        return chunk;
    }

    /** Mostly small deliveries (many state loads and writes), sometimes a large one. */
    private static int chunkSize(Random chunking) {
        return chunking.nextInt(100) < 80 ? 1 + chunking.nextInt(12) : 20 + chunking.nextInt(60);
    }

    /** Made on first use: the service has migrated the database by then. */
    private LedgerDeliveries deliveries() {
        if (deliveries == null) {
            deliveries = new LedgerDeliveries(bootstrap(), topic("ledger.v1"), fixture.database());
        }
        return deliveries;
    }

    /**
     * The decisions sent, deduplicated by id (a retried delivery sends its decisions again, identical), are
     * exactly {@code expected}: every id, nothing else, each with the same canonical content.
     */
    private void assertSameDecisions(List<ConsumerRecord<String, String>> records, List<PolicyDecision> expected,
                                     long fromPosition, long toPosition) {
        Map<String, String> sentById = new LinkedHashMap<>();
        DecisionComparison comparison = new DecisionComparison(json);
        // Derived first, then the records, as a verification meets them (a decision is derived before its record).
        expected.forEach(comparison::rederived);
        for (ConsumerRecord<String, String> record : records) {
            PolicyDecision decision = read(record.value());
            String first = sentById.putIfAbsent(decision.decisionId(), record.value());
            if (first != null) {
                assertThat(tree(record.value())).as("%s sent again", decision.decisionId()).isEqualTo(tree(first));
            } else {
                comparison.recorded(decision, record.offset()); // The ledger records an id once.
            }
        }
        VerificationResult result = comparison.result(fromPosition, toPosition, toPosition - fromPosition + 1);
        assertThat(result.mismatches()).as("same id, other content (recorded = sent by the projection)").isEmpty();
        assertThat(result.missing()).as("derived in memory, not sent by the projection").isEmpty();
        assertThat(result.extra()).as("sent by the projection, not derived in memory").isEmpty();
        assertThat(result.matches()).isEqualTo(expected.size()).isEqualTo(sentById.size());
        assertThat(expected).extracting(PolicyDecision::decisionId).doesNotHaveDuplicates();
    }

    private PolicyDecision read(String value) {
        try {
            return json.readValue(value, PolicyDecision.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Object tree(String value) {
        try {
            return TestLedger.JACKSON.readTree(value);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Set<String> kinds(List<PolicyDecision> decisions) {
        Set<String> kinds = new TreeSet<>();
        decisions.forEach(decision -> kinds.add(decision.kind()));
        return kinds;
    }

    private String topic(String name) {
        return fixture.applicationProperties().get("kafka.topic-prefix") + name;
    }

    private String bootstrap() {
        return fixture.applicationProperties().get("kafka.bootstrap.servers");
    }
}
