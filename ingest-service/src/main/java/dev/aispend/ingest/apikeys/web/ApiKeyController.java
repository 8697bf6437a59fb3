package dev.aispend.ingest.apikeys.web;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.ingest.apikeys.ApiKeyRequestReader;
import dev.aispend.ingest.apikeys.ApiKeyService;
import dev.aispend.ingest.apikeys.CreatedKey;
import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.platform.security.Roles;
import dev.aispend.platform.security.apikey.ApiKeyFormat;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys for machine clients (docs/security.md): created (201, the key shown once), listed and shown (never the
 * secret or its hash), revoked (200, idempotent). A key works as {@code Authorization: Bearer <key>} on every
 * service, with its roles and teams, until it expires or is revoked. Writes answer only after Kafka acknowledged
 * the key's new state (503 with Retry-After otherwise, nothing written). Runs on the blocking pool: it reads and
 * writes PostgreSQL and waits for Kafka.
 */
@Secured(Roles.ADMIN)
@Controller("/v1/api-keys")
@Tag(name = "api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApiKeyController {
    private final JsonMapper jsonMapper;
    private final ApiKeyService keys;
    private final ApiKeyRequestReader reader;

    ApiKeyController(JsonMapper jsonMapper, ApiKeyService keys) {
        this.jsonMapper = jsonMapper;
        this.keys = keys;
        this.reader = new ApiKeyRequestReader(keys.limits());
    }

    @Operation(summary = "Create an API key", description = "Body: {name, roles: [...], teams?: [...], expiresAt}. "
            + "The answer holds the key itself, shown this once.")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<CreatedApiKeyView> create(@Body byte[] body, Authentication authentication) {
        CreatedKey created = keys.create(reader.read(JsonBodies.parse(jsonMapper, body), keys.now()),
                authentication.getName());
        // The answer holds a secret: no cache along the way may keep it.
        return HttpResponse.created(CreatedApiKeyView.of(created))
                .header(HttpHeaders.LOCATION, "/v1/api-keys/" + created.state().keyId())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Operation(summary = "API keys, newest first", description = "Paged: limit (1..1000, default 100), offset; the "
            + "answer's nextOffset starts the next page. Revoked and expired keys are listed too.")
    @Get(value = "{?limit,offset}", produces = MediaType.APPLICATION_JSON)
    ApiKeyPage list(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        ApiKeyPaging paging = ApiKeyPaging.of(limit, offset);
        List<ApiKeyState> states = keys.page(paging.limit() + 1, paging.offset());
        Instant now = keys.now();
        boolean more = states.size() > paging.limit();
        return new ApiKeyPage(states.stream().limit(paging.limit()).map(state -> ApiKeyView.of(state, now)).toList(),
                more ? paging.offset() + paging.limit() : null);
    }

    @Operation(summary = "One API key")
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> show(@PathVariable String id) {
        return answer(id, ApiKeyFormat.isKeyId(id) ? keys.find(id) : Optional.empty());
    }

    @Operation(summary = "Revoke an API key", description = "From the answer on, the key is refused by ingest; by "
            + "the other services as soon as Kafka delivers the revocation (typically under a second). Revoking a "
            + "revoked key answers it unchanged.")
    @Delete(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> revoke(@PathVariable String id, Authentication authentication) {
        return answer(id, ApiKeyFormat.isKeyId(id) ? keys.revoke(id, authentication.getName()) : Optional.empty());
    }

    private HttpResponse<?> answer(String id, Optional<ApiKeyState> state) {
        return state.<HttpResponse<?>>map(found -> HttpResponse.ok(ApiKeyView.of(found, keys.now())))
                .orElseGet(() -> HttpResponse.notFound(ErrorBody.of("there is no API key " + (ApiKeyFormat.isKeyId(id)
                        ? id : "with this id (ids are 24 lower-case hex characters)"), List.of())));
    }
}
