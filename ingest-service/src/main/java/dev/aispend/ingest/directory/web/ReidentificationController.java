package dev.aispend.ingest.directory.web;

import dev.aispend.ingest.directory.DirectoryService;
import dev.aispend.ingest.directory.Reidentifier;
import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.platform.security.Roles;
import dev.aispend.platform.web.ErrorBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * Re-identification (docs/security.md, "Privacy and re-identification"): who a person ref is, for the compliance
 * officer only, each act recorded in the ledger with its actor (the authenticated principal, never the body) and
 * reason before the answer is given. 200 with the person; 400 naming each bad field; 404 when the directory knows
 * no such ref (nothing disclosed, nothing recorded); 503 with Retry-After when the act could not be recorded
 * (nothing disclosed). Runs on the blocking pool: it reads PostgreSQL and waits for Kafka.
 */
@Secured(Roles.COMPLIANCE_OFFICER)
@Controller("/v1/directory/reidentifications")
@Tag(name = "directory")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReidentificationController {
    private final JsonMapper jsonMapper;
    private final Reidentifier reidentifier;
    private final DirectoryService directory;

    ReidentificationController(JsonMapper jsonMapper, Reidentifier reidentifier, DirectoryService directory) {
        this.jsonMapper = jsonMapper;
        this.reidentifier = reidentifier;
        this.directory = directory;
    }

    @Operation(summary = "Re-identify a person ref, recorded in the ledger first",
            description = "Body: {personRef, reason}. The answer names the person and every alias the directory "
                    + "holds; the ledger records who asked, why and which kinds of alias were disclosed.")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> reidentify(@Body byte[] body, Authentication authentication) {
        ReidentificationRequest request = ReidentificationRequest.of(JsonBodies.parse(jsonMapper, body));
        return reidentifier.reidentify(request.personRef(), request.reason(), authentication.getName())
                .<HttpResponse<?>>map(reidentified -> HttpResponse.ok(ReidentificationAnswer.of(reidentified,
                        directory.links())))
                .orElseGet(() -> HttpResponse.notFound(ErrorBody.of("the directory knows no person by this ref; "
                        + "nothing was disclosed or recorded", List.of())));
    }
}
