package dev.aispend.ledger.query;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.platform.csv.CsvCells;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Writes ledger entries as CSV rows (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, a quote doubled inside one), one row per entry, after a header row. An absent value is an empty
 * field. {@code payloadJson} is the stored payload text, so the row carries what the entry hash covers. Text
 * columns are neutralised against formula injection ({@link CsvCells}); the columns in {@link #FIGURES} are
 * written as they are. A payload is a JSON object, so it starts with '{' and is never changed: its hash still
 * verifies.
 */
final class CsvEntryWriter implements Closeable {
    static final List<String> COLUMNS = List.of("position", "eventId", "eventType", "schemaVersion", "recordedAt",
            "occurredAt", "team", "personRef", "source", "policyId", "model", "costUsdMicros", "previousHash",
            "entryHash", "payloadJson");
    /** The columns the ledger formats itself (numbers, instants, hex hashes); every other one is text. */
    static final Set<String> FIGURES = Set.of("position", "schemaVersion", "recordedAt", "occurredAt",
            "costUsdMicros", "previousHash", "entryHash");
    /** Quotes only the fields that need it, so hashes, names and instants read as they are. */
    private static final CsvFactory FACTORY = new CsvFactory()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    private static final CsvSchema SCHEMA = schema();

    private final CsvGenerator generator;
    private final JsonMapper json;

    CsvEntryWriter(OutputStream output, JsonMapper json) throws IOException {
        this.generator = FACTORY.createGenerator(output, JsonEncoding.UTF8);
        this.generator.setSchema(SCHEMA);
        this.json = json;
    }

    /** Written by hand rather than by the schema, which writes a header only before a first row, if any. */
    void writeHeader() throws IOException {
        writeRow(COLUMNS);
    }

    void write(QueriedEntry entry) throws IOException {
        LedgerEnvelope envelope = entry.stored().toEnvelope();
        byte[] payload = entry.stored().payload();
        writeRow(Arrays.asList(Long.toString(envelope.position()), envelope.eventId(), envelope.eventType(),
                Integer.toString(envelope.schemaVersion()), envelope.recordedAt(), envelope.occurredAt(),
                entry.stored().team(), entry.personRef(), entry.source(), entry.policyId(), entry.model(),
                costUsdMicros(payload), envelope.previousHash(), envelope.entryHash(),
                new String(payload, StandardCharsets.UTF_8)));
    }

    /** Passes the rows written so far on to the output. */
    void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }

    /** {@code spend.costUsdMicros} of a payload that has it (SpendRecorded), else null (an empty field). */
    private String costUsdMicros(byte[] payload) throws IOException {
        JsonNode spend = json.readValue(payload, JsonNode.class).get("spend");
        if (spend == null || !spend.isObject()) {
            return null;
        }
        JsonNode cost = spend.get("costUsdMicros");
        return cost != null && cost.isNumber() ? cost.getNumberValue().toString() : null;
    }

    private void writeRow(List<String> cells) throws IOException {
        generator.writeStartObject();
        for (int column = 0; column < COLUMNS.size(); column++) {
            String name = COLUMNS.get(column);
            generator.writeFieldName(name);
            String cell = FIGURES.contains(name) ? cells.get(column) : CsvCells.text(cells.get(column));
            if (cell == null) {
                generator.writeNull();
            } else {
                generator.writeString(cell);
            }
        }
        generator.writeEndObject();
    }

    private static CsvSchema schema() {
        CsvSchema.Builder columns = CsvSchema.builder().setUseHeader(false).setLineSeparator("\r\n")
                .setNullValue("");
        COLUMNS.forEach(columns::addColumn);
        return columns.build();
    }
}
