package dev.aispend.ledger.repricing;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.platform.web.ProblemDetails;
import dev.aispend.platform.web.FieldError;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import dev.aispend.testsupport.security.TestIssuer;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepricingIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "ledger-repricing-it.";
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant IN_NOVEMBER = Instant.parse("2026-11-22T10:15:30Z");

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    Serializer serializer;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        return LedgerTestProperties.of(postgres, postgres.createDatabase("ledger_repricing"), TOPIC_PREFIX,
                "ledger-repricing-it");
    }

    @Test
    void prices_spend_recorded_before_its_card_once_and_a_repeat_changes_nothing() throws Exception {
        String model = "model-late-card";
        long before = entries.head().lastPosition();
        UsageRecord attributed = usage(model, IN_NOVEMBER, TokenCounts.of(1000, 100));
        recordUsage(new UsageRecord(attributed.usageRecordId(), attributed.occurredAt(), attributed.receivedAt(),
                        attributed.source(), attributed.team(), attributed.personRef(), model, attributed.tokens(),
                        "anthropic", "cc-4711", "code-review", null, null, null),
                usage(model, IN_NOVEMBER.plusSeconds(60), TokenCounts.of(2000, 0)),
                usage(model, IN_NOVEMBER.plusSeconds(120), TokenCounts.of(0, 500)),
                usage(model, DECEMBER, TokenCounts.of(1, 1)),
                usage("another-model", IN_NOVEMBER, TokenCounts.of(1, 1)));
        recordRateCard("ratecard-late", model, 3_000_000, 15_000_000);
        List<StoredEntry> originals = stored(before + 1, before + 5);
        long head = entries.head().lastPosition();

        HttpResponse<RepricingResult> created = reprice(request("rp-late", model, "ratecard-late", 1));

        // 1000 * 3 + 100 * 15 = 4,500; 2000 * 3 = 6,000; 500 * 15 = 7,500 micros
        assertThat(created.status().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(created.body()).isEqualTo(new RepricingResult("rp-late", 3, 0, 0, 18_000,
                new RepricingResult.AppendedPositions(head + 1, head + 3, 3), false));
        List<SpendRepriced> corrections = repricedAt(head + 1, head + 3);
        assertThat(corrections).extracting(SpendRepriced::originalPosition)
                .containsExactly(before + 1, before + 2, before + 3);
        assertThat(corrections).extracting(correction -> correction.repriced().costUsdMicros())
                .containsExactly(4_500L, 6_000L, 7_500L);
        assertThat(corrections).allSatisfy(correction -> {
            assertThat(correction.previous().unpricedReason()).isEqualTo(Spend.NO_RATE_CARD);
            assertThat(correction.repriced().rateCard()).isEqualTo(new RateCardRef("ratecard-late", 1));
            assertThat(correction.actor()).isEqualTo("alice");
        });
        // Each carries its original's attribution, as stored and read back.
        assertThat(corrections).extracting(SpendRepriced::costCenter, SpendRepriced::provider,
                SpendRepriced::purpose).containsExactly(tuple("cc-4711", "anthropic", "code-review"),
                tuple(null, null, null), tuple(null, null, null));
        assertThat(stored(before + 1, before + 5)).as("originals untouched").usingRecursiveComparison()
                .isEqualTo(originals);

        HttpResponse<RepricingResult> repeated = reprice(request("rp-late", model, "ratecard-late", 1));

        assertThat(repeated.status().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(repeated.body()).isEqualTo(new RepricingResult("rp-late", 3, 0, 0, 18_000,
                new RepricingResult.AppendedPositions(head + 1, head + 3, 3), true));
        assertThat(entries.head().lastPosition()).isEqualTo(head + 3);

        HttpResponse<RepricingResult> again = reprice(request("rp-late-again", model, "ratecard-late", 1));

        assertThat(again.status().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(again.body().repriced()).isZero();
        assertThat(again.body().unchanged()).isEqualTo(3);
        assertThat(entries.head().lastPosition()).isEqualTo(head + 3);
    }

    @Test
    void refuses_an_unknown_card_version_or_model_and_an_overflow_with_nothing_appended() throws Exception {
        String model = "model-huge-price";
        recordUsage(usage(model, IN_NOVEMBER, TokenCounts.of(10_000_000, 0)));
        recordRateCard("ratecard-huge", model, 1_000_000_000_000L, 0);
        long head = entries.head().lastPosition();

        assertThat(refusal(request("rp-unknown", model, "ratecard-nobody-recorded", 1)))
                .extracting(FieldError::field).containsExactly("rateCardId");
        assertThat(refusal(request("rp-version", model, "ratecard-huge", 2)))
                .extracting(FieldError::field).containsExactly("rateCardVersion");
        assertThat(refusal(request("rp-model", "model-not-on-the-card", "ratecard-huge", 1)))
                .extracting(FieldError::field).containsExactly("model");
        // 10^7 tokens at 10^12 micros per million tokens: 10^19 micros, beyond a long.
        List<FieldError> overflow = refusal(request("rp-overflow", model, "ratecard-huge", 1));
        assertThat(overflow).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("rateCardVersion");
            assertThat(error.message()).contains("overflows");
        });
        Map<String, Object> missing = new HashMap<>(request("rp-invalid", model, "ratecard-huge", 1));
        missing.remove("reason");
        missing.put("occurredFrom", "not an instant");
        assertThat(refusal(missing)).extracting(FieldError::field).containsExactly("occurredFrom", "reason");
        Map<String, Object> impersonating = new HashMap<>(request("rp-impersonating", model, "ratecard-huge", 1));
        impersonating.put("actor", "mallory");
        assertThat(refusal(impersonating)).as("a body cannot claim another actor")
                .extracting(FieldError::field).containsExactly("actor");
        assertThat(entries.head().lastPosition()).as("nothing appended").isEqualTo(head);
    }

    private Map<String, Object> request(String repricingId, String model, String rateCardId, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repricingId", repricingId);
        body.put("model", model);
        body.put("occurredFrom", NOVEMBER.toString());
        body.put("occurredTo", DECEMBER.toString());
        body.put("rateCardId", rateCardId);
        body.put("rateCardVersion", version);
        body.put("reason", "the card was recorded after the usage");
        return body;
    }

    private HttpResponse<RepricingResult> reprice(Map<String, Object> body) {
        // The actor the ledger records is the authenticated caller: alice, a policy owner.
        return http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/repricings", body)
                .bearerAuth(TestIssuer.token("alice", "policy-owner")), RepricingResult.class);
    }

    private List<FieldError> refusal(Map<String, Object> body) {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> reprice(body));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return refused.getResponse().getBody(ProblemDetails.class).orElseThrow().errors();
    }

    private static UsageRecord usage(String model, Instant occurredAt, TokenCounts tokens) {
        return UsageRecord.basic("usage-" + UUID.randomUUID(), occurredAt, occurredAt.plusSeconds(1), "api",
                "platform", "prs_0123456789abcdef", model, tokens);
    }

    /** Through the real intake (usage.v1); waits until the ledger recorded every one. */
    private void recordUsage(UsageRecord... records) throws Exception {
        long expected = entries.head().lastPosition() + records.length;
        try (IntakeSender sender = new IntakeSender(bootstrapServers(), json)) {
            for (UsageRecord record : records) {
                sender.send(TOPIC_PREFIX + Topics.USAGE_V1, record.team(), record);
            }
        }
        awaitHead(expected);
    }

    /** Version 1 of a one-model card, through policy-changes.v1 as policy-service sends it; checks it was taken. */
    private void recordRateCard(String rateCardId, String model, long inputPrice, long outputPrice) throws Exception {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("model", model);
        price.put("inputUsdMicrosPerMillionTokens", inputPrice);
        price.put("outputUsdMicrosPerMillionTokens", outputPrice);
        price.put("cacheReadUsdMicrosPerMillionTokens", 0L);
        price.put("cacheWrite5mUsdMicrosPerMillionTokens", 0L);
        price.put("cacheWrite1hUsdMicrosPerMillionTokens", 0L);
        Map<String, Object> content = Map.of("provider", "anthropic", "models", List.of(price));
        long expected = entries.head().lastPosition() + 1;
        try (IntakeSender sender = new IntakeSender(bootstrapServers(), json)) {
            sender.send(TOPIC_PREFIX + Topics.POLICY_CHANGES_V1, rateCardId, new PolicyChangeRequest(
                    "request-" + UUID.randomUUID(), rateCardId, PolicyKind.RATE_CARD, 0, "bob", content, NOVEMBER,
                    Instant.parse("2026-12-01T08:00:00Z")));
        }
        awaitHead(expected);
        assertThat(stored(expected, expected)).singleElement().extracting(StoredEntry::eventType)
                .isEqualTo(LedgerEventType.POLICY_CHANGED.typeName());
    }

    private void awaitHead(long position) {
        Wait.until("ledger recorded through position " + position, WITHIN,
                () -> entries.head().lastPosition() >= position);
        assertThat(entries.head().lastPosition()).isEqualTo(position);
    }

    private List<StoredEntry> stored(long from, long to) {
        List<StoredEntry> stored = new ArrayList<>();
        entries.forEachInRange(from, to, to - from + 1, stored::add);
        return stored;
    }

    private List<SpendRepriced> repricedAt(long from, long to) {
        return stored(from, to).stream().map(StoredEntry::toEnvelope).map(this::repriced).toList();
    }

    private SpendRepriced repriced(LedgerEnvelope envelope) {
        assertThat(envelope.eventType()).isEqualTo(LedgerEventType.SPEND_REPRICED.typeName());
        return serializer.deserialize(new SimpleSerializedObject<>(envelope.payloadBytes(), byte[].class,
                envelope.eventType(), Integer.toString(envelope.schemaVersion())));
    }

    private static String bootstrapServers() {
        return TestInfrastructure.kafka().bootstrapServers();
    }
}
