package dev.aispend.ledger.query;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/ledger/entries}: audit queries over the ledger, for finance and compliance.
 *
 * <p>Filters, all optional, combined with AND: {@code occurredFrom}, {@code occurredTo}, {@code recordedFrom},
 * {@code recordedTo} (ISO-8601 instants such as {@code 2026-11-01T00:00:00Z}; each range half-open,
 * {@code [from, to)}), {@code team}, {@code personRef}, {@code source}, {@code policyId} (exact values), and
 * {@code eventType}, repeatable, any of the stored type names ({@code SpendRecorded}, ...). Entries come in
 * ledger position order. Paging is by position: {@code after} (default 0) and {@code limit}.
 *
 * <p>JSON (the default): {@code {"entries": [...], "nextAfter": n | null, "limit": n}}, at most
 * {@code ledger.query.max-page-size} entries (default limit 100). Each entry has exactly the fields of a
 * {@code LedgerEnvelope} (position, eventId, eventType, schemaVersion, recordedAt, occurredAt, previousHash,
 * entryHash, payloadBase64), enough to recompute its hash, and {@code payload}, the same payload parsed.
 * {@code nextAfter} is the {@code after} of the next page, null on the last page.
 *
 * <p>CSV ({@code Accept: text/csv} or {@code format=csv}, which wins over Accept): streamed, a header row then
 * one row per entry with columns position, eventId, eventType, schemaVersion, recordedAt, occurredAt, team,
 * personRef, source, policyId, model, costUsdMicros, previousHash, entryHash, payloadJson. {@code limit} may go
 * up to {@code ledger.query.max-csv-rows} and defaults to it. A CSV has no nextAfter: an export of exactly
 * {@code limit} rows may have more, which the next one gets with {@code after} = its last row's position.
 *
 * <p>400 with the {@link ErrorBody} naming each bad parameter: an unparseable instant, a from after its to, a
 * limit or after out of range, an unknown event type or format, an empty or repeated single-valued parameter,
 * an unknown parameter (a misspelt filter must not pass for the unfiltered ledger).
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/ledger")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LedgerQueryController {
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final LedgerQueryParser parser;
    private final LedgerQueryStore store;
    private final JsonMapper json;

    LedgerQueryController(LedgerQueryParser parser, LedgerQueryStore store, JsonMapper json) {
        this.parser = parser;
        this.store = store;
        this.json = json;
    }

    @Get(value = "/entries", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_CSV})
    HttpResponse<?> entries(HttpRequest<?> request) throws IOException {
        LedgerQuery query;
        try {
            query = parser.parse(request.getParameters().asMap(), request.accept());
        } catch (InvalidLedgerQueryException invalid) {
            // JSON even when CSV was asked for: the one error body every service answers.
            return HttpResponse.badRequest(ErrorBody.of("the ledger query is invalid", invalid.errors()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return query.format() == ExportFormat.CSV ? csv(query) : page(query);
    }

    private HttpResponse<LedgerEntriesPage> page(LedgerQuery query) throws IOException {
        int limit = Math.toIntExact(query.limit());
        // One entry more than the page holds tells whether another page follows, without a count.
        List<QueriedEntry> found = store.find(query.filter(), query.after(), limit + 1);
        boolean more = found.size() > limit;
        List<QueriedEntry> entries = more ? found.subList(0, limit) : found;
        List<LedgerEntryView> views = new ArrayList<>(entries.size());
        for (QueriedEntry entry : entries) {
            views.add(LedgerEntryView.of(entry.stored().toEnvelope(),
                    json.readValue(entry.stored().payload(), JsonNode.class)));
        }
        Long nextAfter = more ? entries.get(entries.size() - 1).position() : null;
        return HttpResponse.ok(new LedgerEntriesPage(views, nextAfter, limit))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<CsvExportStream> csv(LedgerQuery query) throws IOException {
        return HttpResponse.ok(CsvExportStream.open(store, query, json))
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-entries-after-"
                        + query.after() + ".csv\"")
                // An audit export is as of now; a cached copy would be silently stale.
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
