package dev.aispend.ledger.query;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.aispend.ledger.entries.StoredEntry;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvEntryWriterTest {
    /** A comma, quotes and a line break (JSON may have one between fields): all must survive quoting. */
    private static final String SPEND = "{\"team\":\"platform\",\n\"purpose\":\"review, \\\"quoted\\\"\","
            + "\"spend\":{\"costUsdMicros\":1234567,\"tokens\":{}}}";
    private static final String DECISION = "{\"policyId\":\"budget-1\",\"spend\":\"not an object\"}";

    /** Serde alone: the service's context would start its database and Kafka loops. */
    private final JsonMapper json = ObjectMapper.getDefault();

    @Test
    void writes_a_header_then_one_row_per_entry_that_reads_back_field_for_field() throws IOException {
        String csv = write(entry(1, "SpendRecorded", SPEND, "platform", "p-1", "api", null, "sonnet"),
                entry(2, "PolicyDecisionRecorded", DECISION, null, null, null, "budget-1", null));

        List<List<String>> rows = read(csv);

        assertThat(rows.get(0)).isEqualTo(CsvEntryWriter.COLUMNS);
        assertThat(rows.get(1)).containsExactly("1", "event-1", "SpendRecorded", "1", "2026-11-01T00:00:01Z",
                "2026-11-01T00:00:00Z", "platform", "p-1", "api", "", "sonnet", "1234567", hash(0), hash(1), SPEND);
        assertThat(rows.get(2)).containsExactly("2", "event-2", "PolicyDecisionRecorded", "1",
                "2026-11-01T00:00:02Z", "", "", "", "", "budget-1", "", "", hash(1), hash(2), DECISION);
        assertThat(rows).hasSize(3);
    }

    @Test
    void ends_every_row_with_crlf_and_quotes_only_where_needed() throws IOException {
        String csv = write(entry(1, "SpendRecorded", SPEND, "platform", "p-1", "api", null, "sonnet"));

        assertThat(csv).startsWith(String.join(",", CsvEntryWriter.COLUMNS) + "\r\n1,event-1,SpendRecorded,1,")
                .contains(",platform,p-1,api,,sonnet,1234567," + hash(0) + ",")
                .contains("\"{\"\"team\"\":\"\"platform\"\"")
                .endsWith("}\"\r\n");
    }

    @Test
    void neutralises_text_a_spreadsheet_would_run_and_leaves_the_payload_and_figures_as_recorded()
            throws IOException {
        String payload = "{\"model\":\"=HYPERLINK(\\\"http://x\\\")\",\"spend\":{\"costUsdMicros\":-1500}}";
        String csv = write(entry(1, "SpendRecorded", payload, "platform", "@p-1", "api", "-budget",
                "=HYPERLINK(\"http://x\")"));

        List<String> row = read(csv).get(1);

        assertThat(row.get(CsvEntryWriter.COLUMNS.indexOf("model"))).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(row.get(CsvEntryWriter.COLUMNS.indexOf("personRef"))).isEqualTo("'@p-1");
        assertThat(row.get(CsvEntryWriter.COLUMNS.indexOf("policyId"))).isEqualTo("'-budget");
        assertThat(row.get(CsvEntryWriter.COLUMNS.indexOf("team"))).isEqualTo("platform");
        assertThat(Long.parseLong(row.get(CsvEntryWriter.COLUMNS.indexOf("costUsdMicros")))).isEqualTo(-1500);
        assertThat(row.get(CsvEntryWriter.COLUMNS.indexOf("payloadJson"))).isEqualTo(payload);
    }

    @Test
    void writes_only_the_header_when_nothing_matched() throws IOException {
        assertThat(write()).isEqualTo(String.join(",", CsvEntryWriter.COLUMNS) + "\r\n");
    }

    private String write(QueriedEntry... entries) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (CsvEntryWriter writer = new CsvEntryWriter(output, json)) {
            writer.writeHeader();
            for (QueriedEntry entry : entries) {
                writer.write(entry);
            }
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> read(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static QueriedEntry entry(long position, String type, String payload, String team, String personRef,
                                      String source, String policyId, String model) {
        Instant occurredAt = position == 1 ? Instant.parse("2026-11-01T00:00:00Z") : null;
        StoredEntry stored = new StoredEntry(position, "event-" + position, type, "1",
                "2026-11-01T00:00:0" + position + "Z", occurredAt, hashBytes(position - 1), hashBytes(position),
                payload.getBytes(StandardCharsets.UTF_8), team);
        return new QueriedEntry(stored, personRef, source, policyId, model);
    }

    private static byte[] hashBytes(long filler) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) filler);
        return hash;
    }

    private static String hash(long filler) {
        return String.format("%02x", filler).repeat(32);
    }
}
