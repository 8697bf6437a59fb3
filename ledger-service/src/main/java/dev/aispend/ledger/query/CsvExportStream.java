package dev.aispend.ledger.query;

import io.micronaut.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A CSV export as a stream the server reads as fast as the client takes it: each time the CSV read so far is
 * used up, it queries the next {@value #ROWS_PER_READ} matching entries after the last one exported, in one
 * short transaction, and encodes them. Memory stays at one batch whatever the export's size, and no connection
 * is held while a slow client reads.
 *
 * <p>Reading in keyset batches gives the same rows as one cursor would: positions are gapless and commit in
 * order, and entries are never changed, so a later batch sees the earlier ones' prefix unchanged. Only entries
 * appended during the export may join its end, which is where they would be anyway.
 *
 * <p>A database failure after the first batch fails the read, so the server aborts the response: a client sees
 * a broken transfer, never a CSV that merely looks complete.
 */
final class CsvExportStream extends InputStream {
    /** Rows per query: bounds the memory of an export, and how long one of its reads holds a connection. */
    static final int ROWS_PER_READ = 1000;

    private final LedgerQueryStore store;
    private final LedgerFilter filter;
    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream(64 * 1024);
    private final CsvEntryWriter rows;
    private long after;
    private long remaining;
    private boolean lastBatchRead;
    private byte[] pending = new byte[0];
    private int offset;

    private CsvExportStream(LedgerQueryStore store, LedgerQuery query, JsonMapper json) throws IOException {
        this.store = store;
        this.filter = query.filter();
        this.after = query.after();
        this.remaining = query.limit();
        this.rows = new CsvEntryWriter(encoded, json);
    }

    /**
     * Opens an export and reads its first batch now, on the caller's thread: a query that fails at once (the
     * database is down) is then answered as an error instead of a 200 whose body breaks off.
     */
    static CsvExportStream open(LedgerQueryStore store, LedgerQuery query, JsonMapper json) throws IOException {
        CsvExportStream export = new CsvExportStream(store, query, json);
        export.rows.writeHeader();
        export.readNextBatch();
        return export;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int start, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (offset == pending.length) {
            if (lastBatchRead) {
                return -1;
            }
            readNextBatch();
        }
        int copied = Math.min(length, pending.length - offset);
        System.arraycopy(pending, offset, buffer, start, copied);
        offset += copied;
        return copied;
    }

    @Override
    public int available() {
        return pending.length - offset;
    }

    @Override
    public void close() throws IOException {
        lastBatchRead = true;
        pending = new byte[0];
        offset = 0;
        rows.close();
    }

    private void readNextBatch() throws IOException {
        int wanted = (int) Math.min(ROWS_PER_READ, remaining);
        List<QueriedEntry> batch;
        try {
            batch = store.find(filter, after, wanted);
        } catch (RuntimeException failure) {
            throw new IOException("the ledger export broke off after position " + after, failure);
        }
        for (QueriedEntry entry : batch) {
            rows.write(entry);
        }
        if (!batch.isEmpty()) {
            after = batch.get(batch.size() - 1).position();
        }
        remaining -= batch.size();
        lastBatchRead = batch.size() < wanted || remaining == 0;
        rows.flush();
        pending = encoded.toByteArray();
        encoded.reset();
        offset = 0;
    }
}
