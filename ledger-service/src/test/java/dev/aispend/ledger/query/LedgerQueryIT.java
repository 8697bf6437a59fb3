package dev.aispend.ledger.query;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.aispend.audit.EntryHash;
import dev.aispend.ledger.query.LedgerQueryFixtures.Fixture;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static dev.aispend.ledger.query.LedgerQueryClient.entries;
import static dev.aispend.ledger.query.LedgerQueryFixtures.january;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/ledger/entries} on the running service over real PostgreSQL, with entries inserted straight into
 * the ledger table ({@link LedgerQueryFixtures}): filters alone and combined, paging, the envelope an auditor
 * rehashes, the streamed CSV export, and refusals naming their parameters.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerQueryIT implements TestPropertyProvider {
    private static final int MAX_PAGE = 50;
    private static final int MAX_CSV_ROWS = 3000;
    private static final Predicate<Fixture> PLATFORM = fixture -> "qa-platform".equals(fixture.team());
    private static final Predicate<Fixture> BULK = fixture -> "qa-bulk".equals(fixture.team());

    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;
    private TestPostgres postgres;
    private String jdbcUrl;
    private LedgerQueryFixtures fixtures;
    private LedgerQueryClient client;

    @Override
    public Map<String, String> getProperties() {
        postgres = TestInfrastructure.postgres();
        jdbcUrl = postgres.createDatabase("ledger_query");
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", postgres.user(),
                "datasources.default.password", postgres.password(),
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "kafka.topic-prefix", "query-it.",
                "ledger.intake.consumer-group", "query-it",
                "ledger.query.max-page-size", Integer.toString(MAX_PAGE),
                "ledger.query.max-csv-rows", Integer.toString(MAX_CSV_ROWS));
    }

    @BeforeAll
    void insertEntries() throws Exception {
        fixtures = LedgerQueryFixtures.insert(jdbcUrl, postgres.user(), postgres.password(), json);
        client = new LedgerQueryClient(server.getURI(), json);
    }

    @Test
    void each_filter_alone_selects_exactly_the_entries_it_names() throws Exception {
        assertThat(client.pagedPositions("team=qa-platform")).isEqualTo(fixtures.positions(PLATFORM));
        assertThat(client.pagedPositions("personRef=p-alice")).isEqualTo(positionsOf("f1", "f3", "f6", "f8"));
        assertThat(client.pagedPositions("source=otel")).isEqualTo(positionsOf("f2", "f5"));
        assertThat(client.pagedPositions("policyId=qa-budget-1")).isEqualTo(positionsOf("f4"));
        assertThat(client.pagedPositions("eventType=PolicyDecisionRecorded")).isEqualTo(positionsOf("f4", "f9"));
        assertThat(client.pagedPositions("eventType=OutcomeRecorded&eventType=UsageConflictFlagged"))
                .isEqualTo(positionsOf("f3", "f7"));
        // Half-open ranges: "from" itself is in, "to" itself is out, and an entry without the time never matches.
        assertThat(client.pagedPositions("occurredFrom=2026-01-07T10:00:00Z")).isEqualTo(fixtures.positions(
                fixture -> fixture.occurredAt() != null && !fixture.occurredAt().isBefore(january("07T10:00:00"))))
                .hasSize(LedgerQueryFixtures.BULK + 2);
        assertThat(client.pagedPositions("occurredTo=2026-01-03T12:00:00Z")).isEqualTo(positionsOf("f1", "f2", "f3"));
        assertThat(client.pagedPositions("recordedFrom=2026-01-08T09:00:00Z"))
                .isEqualTo(fixtures.positions(BULK.or(fixture -> fixture.eventId().equals("f8"))));
        assertThat(client.pagedPositions("recordedTo=2026-01-03T12:00:05Z")).isEqualTo(positionsOf("f1", "f2", "f3"));
    }

    @Test
    void combined_filters_select_only_the_entries_matching_all_of_them() throws Exception {
        assertThat(client.pagedPositions("team=qa-platform&source=api&eventType=SpendRecorded"
                + "&occurredFrom=2026-01-01T00:00:00Z&occurredTo=2026-01-07T00:00:00Z")).isEqualTo(positionsOf("f1"));
        assertThat(client.pagedPositions("personRef=p-alice&recordedFrom=2026-01-02T00:00:00Z"
                + "&recordedTo=2026-01-09T00:00:00Z")).isEqualTo(positionsOf("f3", "f6", "f8"));
        assertThat(client.pagedPositions("team=qa-data&eventType=SpendRecorded&eventType=PolicyDecisionRecorded"))
                .isEqualTo(positionsOf("f2", "f9"));
        assertThat(client.pagedPositions("team=qa-platform&policyId=qa-budget-2")).isEmpty();
    }

    @Test
    void paging_with_after_and_next_after_visits_every_position_once_in_order() throws Exception {
        List<Long> ledger = LedgerQueryFixtures.ledgerPositions(jdbcUrl, postgres.user(), postgres.password());

        assertThat(client.pagedPositions("limit=" + MAX_PAGE)).isEqualTo(ledger).doesNotHaveDuplicates();
        assertThat(client.pagedPositions("team=qa-platform&limit=2")).isEqualTo(fixtures.positions(PLATFORM));
        assertThat(client.pagedPositions("limit=7", ledger.get(10)))
                .isEqualTo(ledger.subList(11, ledger.size()));
    }

    @Test
    void a_page_says_where_the_next_starts_and_the_last_page_says_null() throws Exception {
        List<Long> platform = fixtures.positions(PLATFORM);

        Map<String, Object> first = client.page("team=qa-platform&limit=3");
        Map<String, Object> last = client.page("team=qa-platform&limit=3&after=" + first.get("nextAfter"));

        assertThat(first).containsEntry("limit", 3);
        assertThat(((Number) first.get("nextAfter")).longValue()).isEqualTo(platform.get(2));
        assertThat(entries(last)).hasSize(2);
        assertThat(last).containsEntry("nextAfter", null);
        assertThat(client.get("team=qa-platform&after=" + platform.get(4), "application/json").body())
                .contains("\"entries\":[]", "\"nextAfter\":null", "\"limit\":" + MAX_PAGE);
    }

    @Test
    void each_entry_is_the_envelope_an_auditor_rehashes_with_its_payload_beside_it() throws Exception {
        List<Map<String, Object>> entries = entries(client.page("recordedTo=2026-02-01T00:00:00Z&limit=50"));

        assertThat(entries).extracting(entry -> entry.get("eventId"))
                .containsExactly("f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
        for (Map<String, Object> entry : entries) {
            List<String> fields = new ArrayList<>(List.of("position", "eventId", "eventType", "schemaVersion",
                    "recordedAt", "occurredAt", "previousHash", "entryHash", "payloadBase64", "payload"));
            if (fixture((String) entry.get("eventId")).occurredAt() == null) {
                fields.remove("occurredAt"); // absent, as in LedgerEnvelope's JSON everywhere
            }
            assertThat(entry.keySet()).containsExactlyInAnyOrderElementsOf(fields);
            byte[] payload = Base64.getDecoder().decode((String) entry.get("payloadBase64"));
            byte[] recomputed = EntryHash.of(HexFormat.of().parseHex((String) entry.get("previousHash")),
                    ((Number) entry.get("position")).longValue(), (String) entry.get("eventId"),
                    (String) entry.get("eventType"), ((Number) entry.get("schemaVersion")).intValue(),
                    (String) entry.get("recordedAt"), payload);
            assertThat(HexFormat.of().formatHex(recomputed)).isEqualTo(entry.get("entryHash"));
            assertThat(entry.get("payload")).isEqualTo(json.readValue(payload, Argument.mapOf(String.class,
                    Object.class)));
        }
        assertThat(entries.get(0)).containsEntry("eventType", "SpendRecorded").containsEntry("schemaVersion", 1)
                .containsEntry("recordedAt", "2026-01-01T10:00:05Z")
                .containsEntry("occurredAt", "2026-01-01T10:00:00Z");
    }

    @Test
    void csv_export_is_streamed_as_it_is_read_with_a_header_and_every_row() throws Exception {
        HttpResponse<InputStream> response = client.stream("team=qa-bulk", "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        // No length known beforehand: the rows go out in chunks while later batches are still being read.
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
        List<List<String>> rows = readCsv(response.body());
        assertThat(rows.get(0)).isEqualTo(CsvEntryWriter.COLUMNS);
        assertThat(positions(rows)).isEqualTo(fixtures.positions(BULK)).hasSize(LedgerQueryFixtures.BULK);
    }

    @Test
    void csv_rows_read_back_as_the_json_entries_with_attributes_and_cost() throws Exception {
        String query = "recordedTo=2026-02-01T00:00:00Z";
        List<Map<String, Object>> entries = entries(client.page(query + "&limit=50"));

        // format=csv wins over the Accept header.
        List<List<String>> rows = readCsv(client.stream(query + "&format=csv", "application/json").body());

        assertThat(rows).hasSize(entries.size() + 1);
        for (int index = 0; index < entries.size(); index++) {
            Map<String, Object> entry = entries.get(index);
            Fixture fixture = fixture((String) entry.get("eventId"));
            assertThat(rows.get(index + 1)).containsExactly(entry.get("position").toString(),
                    fixture.eventId(), fixture.eventType(), "1", (String) entry.get("recordedAt"),
                    text(fixture.occurredAt()), text(fixture.team()), text(fixture.personRef()),
                    text(fixture.source()), text(fixture.policyId()), text(fixture.model()),
                    text(fixture.costUsdMicros()), (String) entry.get("previousHash"),
                    (String) entry.get("entryHash"), new String(Base64.getDecoder().decode(
                            (String) entry.get("payloadBase64")), StandardCharsets.UTF_8));
        }
    }

    @Test
    void csv_pages_with_after_and_limit_as_json_does() throws Exception {
        List<Long> first = positions(readCsv(client.stream("team=qa-bulk&format=csv&limit=1500", "*/*").body()));
        List<Long> rest = positions(readCsv(client.stream("team=qa-bulk&format=csv&limit=1500&after="
                + first.get(first.size() - 1), "*/*").body()));

        assertThat(first).hasSize(1500);
        List<Long> both = new ArrayList<>(first);
        both.addAll(rest);
        assertThat(both).isEqualTo(fixtures.positions(BULK));
    }

    @Test
    void refuses_bad_parameters_with_the_error_body_naming_each_one() throws Exception {
        HttpResponse<String> refused = client.get("occurredFrom=2026-01-01&recordedFrom=2026-01-02T00:00:00Z"
                + "&recordedTo=2026-01-01T00:00:00Z&limit=" + (MAX_PAGE + 1) + "&eventType=UsageRecorded&teem=x",
                "application/json");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(client.errorFields(refused)).containsExactlyInAnyOrder("occurredFrom", "recordedFrom", "limit",
                "eventType", "teem");
        HttpResponse<String> refusedCsv = client.get("limit=" + (MAX_CSV_ROWS + 1), "text/csv");
        assertThat(refusedCsv.statusCode()).isEqualTo(400);
        assertThat(refusedCsv.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(client.errorFields(refusedCsv)).containsExactly("limit");
        HttpResponse<String> refusedFormat = client.get("after=-1&format=xml", "application/json");
        assertThat(refusedFormat.statusCode()).isEqualTo(400);
        assertThat(client.errorFields(refusedFormat)).containsExactly("format", "after");
    }

    private List<Long> positionsOf(String... eventIds) {
        return fixtures.positions(fixture -> List.of(eventIds).contains(fixture.eventId()));
    }

    private Fixture fixture(String eventId) {
        return fixtures.all().stream().filter(fixture -> fixture.eventId().equals(eventId)).findFirst()
                .orElseThrow();
    }

    private static List<List<String>> readCsv(InputStream csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (InputStream body = csv;
             MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(body)) {
            return rows.readAll();
        }
    }

    /** The position column of every row after the header. */
    private static List<Long> positions(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().map(row -> Long.parseLong(row.get(0))).toList();
    }

    /** A CSV field: the value's text, or empty for no value. */
    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
