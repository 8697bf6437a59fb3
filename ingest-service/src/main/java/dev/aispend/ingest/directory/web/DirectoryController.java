package dev.aispend.ingest.directory.web;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.directory.DirectoryRecorded;
import dev.aispend.ingest.directory.DirectoryService;
import dev.aispend.ingest.directory.DirectoryStore;
import dev.aispend.ingest.directory.PersonEntry;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/**
 * The identity directory (docs/directory.md): who each alias (email, GitHub login, provider account id, API key
 * id) belongs to, in which team and cost center, from when. Writes answer 201 when something was recorded, 200
 * when all of it was recorded already (a retry or a re-import), in both cases only after Kafka acknowledged every
 * {@code IdentityLink}; 400 naming every bad field, 409 naming each alias that contradicts a recorded entry, 503
 * with Retry-After when Kafka did not acknowledge in time; all or nothing. Nothing is ever deleted: a change (a
 * move, a departure) is a new entry with a later {@code validFrom}. Runs on the blocking pool: it reads and writes
 * PostgreSQL and waits for Kafka.
 */
@Secured(Roles.ADMIN)
@Controller("/v1/directory")
@Tag(name = "directory")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DirectoryController {
    static final String TEXT_CSV = "text/csv";

    private final JsonMapper jsonMapper;
    private final DirectoryService directory;
    private final PersonJsonAdapter json;
    private final PersonCsvAdapter csv;
    private final Clock clock;

    DirectoryController(JsonMapper jsonMapper, DirectoryService directory, IngestConfiguration configuration,
                        Clock clock) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.directory = directory;
        int maxAliasesPerEntry = directory.rules().limits().maxAliasesPerEntry();
        this.json = new PersonJsonAdapter(configuration.maxBatchRecords(), maxAliasesPerEntry);
        this.csv = new PersonCsvAdapter(directory.rules().limits().maxImportRows());
    }

    @Operation(summary = "Record one person's directory entry",
            description = "Body: {person, team, costCenter?, validFrom?, aliases: {email, githubLogin, "
                    + "providerAccountId, apiKeyId}} (docs/directory.md).")
    @Post(value = "/people", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<DirectoryRecorded> addPerson(@Body byte[] body) {
        PersonEntry entry = json.single(JsonBodies.parse(jsonMapper, body));
        return answer(directory.record(List.of(entry), Locator.SINGLE));
    }

    @Operation(summary = "Record many directory entries, all or nothing", description = "Body: {\"people\": [...]}.")
    @Post(value = "/people/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<DirectoryRecorded> addPeople(@Body byte[] body) {
        List<PersonEntry> entries = json.batch(JsonBodies.parse(jsonMapper, body));
        return answer(directory.record(entries, Locator.elements(PersonJsonAdapter.BATCH_ARRAY)));
    }

    @Operation(summary = "Import directory entries from CSV, all or nothing",
            description = "UTF-8 CSV with a header: person,team,costCenter,validFrom,email,githubLogin,"
                    + "providerAccountId,apiKeyId; several aliases in one cell separated by |.")
    @Post(value = "/import", consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON)
    HttpResponse<DirectoryRecorded> importCsv(@Body byte[] body) {
        return answer(directory.record(csv.read(body), PersonCsvAdapter.LOCATOR));
    }

    @Operation(summary = "A person's entries, oldest first", description = "Paged: limit (1..1000, default 100), "
            + "offset; the answer's nextOffset starts the next page.")
    @Get(value = "/people/{person}{?limit,offset}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> person(@PathVariable String person, @Nullable @QueryValue String limit,
                           @Nullable @QueryValue String offset) {
        DirectoryQuery.Page page = DirectoryQuery.page(person, limit, offset);
        List<DirectoryStore.Recorded> rows = directory.history(person, page.limit() + 1, page.offset());
        if (rows.isEmpty() && page.offset() == 0) {
            return HttpResponse.notFound(ErrorBody.of("the directory lists no such person", List.of()));
        }
        boolean more = rows.size() > page.limit();
        List<EntryView> entries = rows.stream().limit(page.limit())
                .map(recorded -> EntryView.of(recorded, directory.links())).toList();
        return HttpResponse.ok(new PersonHistory(rows.isEmpty() ? person : rows.get(0).row().personId(), entries,
                more ? page.offset() + page.limit() : null));
    }

    @Operation(summary = "Whom an alias belongs to at an instant",
            description = "kind (person, email, githubLogin, providerAccountId, apiKeyId), value, at (ISO-8601, "
                    + "default now): the entry in force then.")
    @Get(value = "/aliases{?kind,value,at}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> alias(@Nullable @QueryValue String kind, @Nullable @QueryValue String value,
                          @Nullable @QueryValue String at) {
        DirectoryQuery.AliasAt query = DirectoryQuery.aliasAt(kind, value, at, clock.instant());
        return directory.owner(query.kind(), query.value(), query.at())
                .<HttpResponse<?>>map(recorded -> HttpResponse.ok(EntryView.of(recorded, directory.links())))
                .orElseGet(() -> HttpResponse.notFound(ErrorBody.of("no entry of this " + query.kind().wireName()
                        + " is in force at " + query.at(), List.of())));
    }

    private static HttpResponse<DirectoryRecorded> answer(DirectoryRecorded recorded) {
        return recorded.recorded() > 0 ? HttpResponse.created(recorded) : HttpResponse.ok(recorded);
    }
}
