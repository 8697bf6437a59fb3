package dev.aispend.report.focus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.report.support.ReportAnswers;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export against real PostgreSQL: the read-model schema migrated by Flyway into a schema of its own, a handful
 * of spend lines and two rate card versions inserted by SQL, and every figure below worked out by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FocusExportIT {
    private static final String SCHEMA = "report_test";
    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2026, 9, 2);
    private static final String CARD = "{\"provider\": \"anthropic\", \"models\": [{\"model\": \"model-a\","
            + " \"inputUsdMicrosPerMillionTokens\": %d, \"outputUsdMicrosPerMillionTokens\": 15000000,"
            + " \"cacheReadUsdMicrosPerMillionTokens\": 300000, \"cacheWrite5mUsdMicrosPerMillionTokens\": 3750000,"
            + " \"cacheWrite1hUsdMicrosPerMillionTokens\": 6000000}]}";
    private final ProjectionDatabase database = ProjectionDatabase.create("focus_export");

    @BeforeAll
    void migrateAndInsert() throws SQLException {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).schemas(SCHEMA)
                .locations("classpath:db/readmodel").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + SCHEMA);
            statement.execute("INSERT INTO ledger_clock VALUES (1, '2026-09-01T00:05:00Z'),"
                    + " (25, '2026-09-20T12:00:00Z'), (30, '2026-10-02T08:00:00Z')");
            card(connection, 1, 1, 3_000_000);
            card(connection, 2, 2, 2_000_000);
            long[] none = new long[6];
            // 7500 + 2 micros (7 cache reads cost 2.1, recorded as 2): split 3000 / 3000 / 1502 by largest remainder.
            line(connection, 10, "SPEND", "2026-09-01", "platform", "coding", "card-a", new long[] {1000, 200, 5000,
                    0, 0, 0}, 7_500);
            line(connection, 11, "SPEND", "2026-09-01", "platform", "coding", "card-a", new long[] {0, 0, 7, 0, 0, 0},
                    2);
            line(connection, 12, "SPEND", "2026-09-01", "research", null, "card-a", new long[] {0, 100, 0, 0, 0, 50},
                    2_250);
            line(connection, 13, "SPEND", "2026-09-01", "platform", null, null, new long[] {400, 0, 0, 0, 0, 0}, 0);
            line(connection, 14, "EVIDENCE", "2026-09-01", "platform", "coding", "card-a", new long[] {1000, 0, 0, 0,
                    0, 0}, 999_999);
            line(connection, 15, "SPEND", "2026-09-03", "platform", "coding", "card-a", new long[] {1, 0, 0, 0, 0, 0},
                    5_000);
            line(connection, 16, "SPEND", "2026-09-02", "platform", "coding", "card-gone", new long[] {100, 100, 0, 0,
                    0, 0}, 1_800);
            // Line 12 re-attributed from research to platform by an identity link at position 20.
            line(connection, 20, "MOVE_OUT", "2026-09-01", "research", null, "card-a", new long[] {0, -100, 0, 0, 0,
                    -50}, -2_250);
            line(connection, 20, "MOVE_IN", "2026-09-01", "platform", null, "card-a", new long[] {0, 100, 0, 0, 0, 50},
                    2_250);
            line(connection, 25, "REPRICE", "2026-09-01", "platform", "coding", "card-a", none, -500);
            line(connection, 30, "REPRICE", "2026-09-01", "platform", "coding", "card-a", none, 100);
            line(connection, 40, "SPEND", "2026-09-02", "platform", "coding", "card-a", new long[] {10, 0, 0, 0, 0, 0},
                    30);
        }
    }

    @Test
    void exports_every_line_up_to_the_position_at_the_token_type_grain() throws Exception {
        List<Map<String, String>> rows = parse(export(35, 2));

        assertThat(rows).extracting(row -> row.get("SubAccountId") + " " + row.get("SkuPriceId") + " "
                + row.get("BilledCost") + " " + row.get("ChargeCategory") + " " + row.get("ChargeClass"))
                .containsExactly(
                "platform model-b:input 0.000000 Usage ", // unpriced, no cost center: sorts first
                "platform model-a:output 0.001500 Usage ", // moved in from research, no purpose
                "platform model-a:reasoning 0.000750 Usage ",
                "platform model-a:input 0.003000 Usage ",
                "platform model-a:output 0.003000 Usage ",
                "platform model-a:cacheRead 0.001502 Usage ",
                "platform  -0.000500 Adjustment ", // re-priced in September: same billing period
                "platform  0.000100 Adjustment Correction", // re-priced in October
                "platform model-a:input 0.001800 Usage ", // card-gone: whole cost on one row
                "platform model-a:output 0.000000 Usage ");
        assertThat(sum(rows, "BilledCost", row -> true)).isEqualTo(11_152);
        assertThat(sum(rows, "EffectiveCost", row -> true)).isEqualTo(11_152);
        assertThat(sum(rows, "BilledCost", row -> row.get("ChargePeriodStart").startsWith("2026-09-01")))
                .isEqualTo(9_352);
        Map<String, String> correction = rows.get(7);
        assertThat(correction).containsEntry("BillingPeriodStart", "2026-10-01T00:00:00Z")
                .containsEntry("ChargePeriodStart", "2026-09-01T00:00:00Z").containsEntry("x_RateCardVersion", "2");
        assertThat(rows.get(3)).containsEntry("ConsumedQuantity", "1000").containsEntry("PricingQuantity", "0.001000")
                .containsEntry("ProviderName", "anthropic").containsEntry("x_LedgerPositionAsOf", "35")
                .containsEntry("Tags", "{\"costCenter\":\"eng-1\",\"purpose\":\"coding\",\"team\":\"platform\"}");
        assertThat(rows.get(0)).containsEntry("ProviderName", "openai").containsEntry("x_RateCardId", "")
                .containsEntry("Tags", "{\"team\":\"platform\"}");
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("x_CacheReadTokens"))).sum())
                .isEqualTo(5_007);
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("x_OutputTokens"))).sum())
                .isEqualTo(100 + 200 + 100);
        rows.forEach(FocusExportIT::conformsToFocus);
    }

    @Test
    void as_of_an_earlier_position_it_says_what_it_said_then() throws Exception {
        List<Map<String, String>> rows = parse(export(19, 1000));

        // Before the move and the re-pricings: research still has its spend.
        assertThat(sum(rows, "BilledCost", row -> row.get("SubAccountId").equals("research"))).isEqualTo(2_250);
        assertThat(sum(rows, "BilledCost", row -> true)).isEqualTo(7_502 + 2_250 + 1_800);
        assertThat(rows).noneMatch(row -> row.get("ChargeCategory").equals("Adjustment"));
        rows.forEach(FocusExportIT::conformsToFocus);
    }

    @Test
    void the_same_prefix_gives_the_same_bytes_and_never_names_a_person() throws Exception {
        String streamed = export(35, 1);

        assertThat(export(35, 1000)).isEqualTo(streamed);
        assertThat(streamed).doesNotContain("prs_");
        assertThat(streamed.lines().findFirst()).hasValue(String.join(",", FocusColumns.ALL));
    }

    @Test
    void an_empty_period_is_the_header_alone() throws Exception {
        try (Connection connection = readOnly()) {
            StringWriter out = new StringWriter();
            new FocusExport(FocusAccount.DEFAULT, 10).write(connection, LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 1, 31), 35, out);
            assertThat(out.toString()).isEqualTo(String.join(",", FocusColumns.ALL) + "\n");
        }
    }

    /** What FOCUS 1.2 requires of every row this export can produce (docs/focus.md). */
    private static void conformsToFocus(Map<String, String> row) {
        FocusColumns.MANDATORY.forEach(column -> assertThat(row).containsKey(column));
        FocusColumns.MANDATORY_NOT_NULL.forEach(column -> assertThat(row.get(column)).as(column).isNotBlank());
        assertThat(row.get("ChargeCategory")).isIn("Usage", "Adjustment");
        assertThat(row.get("ChargeClass")).isIn("", "Correction");
        assertThat(row.get("ServiceCategory")).isEqualTo("AI and Machine Learning");
        for (String money : List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost")) {
            assertThat(row.get(money)).matches("-?\\d+\\.\\d{6}").isEqualTo(row.get("BilledCost"));
        }
        for (String date : List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd")) {
            assertThat(row.get(date)).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z");
        }
        assertThat(row.get("PricingUnit").isEmpty()).isEqualTo(row.get("PricingQuantity").isEmpty());
        assertThat(row.get("ConsumedUnit").isEmpty()).isEqualTo(row.get("ConsumedQuantity").isEmpty());
        if (row.get("ChargeCategory").equals("Usage") && row.get("ChargeClass").isEmpty()) {
            for (String column : List.of("ConsumedQuantity", "PricingQuantity", "PricingUnit", "SkuId", "SkuPriceId")) {
                assertThat(row.get(column)).as(column).isNotBlank();
            }
        } else {
            assertThat(row.get("ConsumedQuantity")).isEmpty();
        }
        assertThat(tags(row.get("Tags"))).containsEntry("team", row.get("SubAccountId"));
    }

    private static Map<String, String> tags(String json) {
        try {
            JsonNode tags = new ObjectMapper().readTree(json);
            assertThat(tags.isObject()).as("Tags is a JSON object: " + json).isTrue();
            Map<String, String> values = new TreeMap<>();
            tags.fields().forEachRemaining(entry -> {
                assertThat(entry.getValue().isTextual()).as("tag " + entry.getKey()).isTrue();
                values.put(entry.getKey(), entry.getValue().asText());
            });
            return values;
        } catch (IOException failure) {
            throw new AssertionError("Tags is not JSON: " + json, failure);
        }
    }

    /** A money column summed over the rows {@code which} selects, in USD micros, as decimals (never doubles). */
    private static long sum(List<Map<String, String>> rows, String column, Predicate<Map<String, String>> which) {
        return rows.stream().filter(which).map(row -> new BigDecimal(row.get(column)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(6).longValueExact();
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = ReportAnswers.csvRows(csv)) {
            List<Map<String, String>> all = rows.readAll();
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            assertThat(header.getColumnNames()).containsExactlyElementsOf(FocusColumns.ALL);
            assertThat(Set.copyOf(header.getColumnNames())).containsAll(FocusColumns.MANDATORY);
            return all;
        }
    }

    private String export(long asOfPosition, int fetchSize) throws SQLException {
        try (Connection connection = readOnly()) {
            StringWriter out = new StringWriter();
            new FocusExport(new FocusAccount("acme", "Acme Corp"), fetchSize).write(connection, FROM, TO,
                    asOfPosition, out);
            connection.commit();
            return out.toString();
        }
    }

    /** As the caller hands it over: inside a read-only transaction, search_path on the read-model schema. */
    private Connection readOnly() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO " + SCHEMA);
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void card(Connection connection, long position, long version, long inputPrice)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_version (position,"
                + " request_id, policy_id, kind, version, actor, content, diff, effective_from, occurred_at)"
                + " VALUES (?, ?, 'card-a', 'RATE_CARD', ?, 'finance', ?::jsonb, '{}'::jsonb,"
                + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")) {
            insert.setLong(1, position);
            insert.setString(2, "request-" + position);
            insert.setLong(3, version);
            insert.setString(4, String.format(CARD, inputPrice));
            insert.executeUpdate();
        }
    }

    /** One line at cost center eng-1 (none for unpriced model-b of openai), model-a of anthropic otherwise. */
    private static void line(Connection connection, long position, String kind, String day, String team,
                             String purpose, String card, long[] tokens, long cost) throws SQLException {
        boolean priced = card != null;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO spend_line (position,"
                + " origin_position, line_kind, occurred_at, day, team, cost_center, person_ref, model, provider,"
                + " purpose, source, record_id, rate_card_id, rate_card_version, records, input_tokens, output_tokens,"
                + " cache_read_tokens, cache_write5m_tokens, cache_write1h_tokens, reasoning_tokens, cost_usd_micros,"
                + " unpriced_records, reported_records, reported_cost_usd_micros, reported_our_cost_usd_micros)"
                + " VALUES (?, ?, ?, ?::date + time '10:00' AT TIME ZONE 'UTC', ?::date, ?, ?, 'prs_secret', ?, ?,"
                + " ?, 'api', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)")) {
            int column = 0;
            insert.setLong(++column, position);
            insert.setLong(++column, kind.startsWith("MOVE") ? 12 : position);
            insert.setString(++column, kind);
            insert.setString(++column, day);
            insert.setString(++column, day);
            insert.setString(++column, team);
            insert.setString(++column, priced ? "eng-1" : null);
            insert.setString(++column, priced ? "model-a" : "model-b");
            insert.setString(++column, priced ? "anthropic" : "openai");
            insert.setString(++column, purpose);
            insert.setString(++column, "record-" + position);
            insert.setString(++column, card);
            insert.setObject(++column, priced ? (card.equals("card-a") && kind.equals("REPRICE") ? 2L : 1L) : null);
            for (long count : tokens) {
                insert.setLong(++column, count);
            }
            insert.setLong(++column, cost);
            insert.setLong(++column, priced ? 0 : 1);
            insert.executeUpdate();
        }
    }
}
